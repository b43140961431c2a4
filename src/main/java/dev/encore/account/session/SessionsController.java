package dev.encore.account.session;

import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The signed-in user's sessions (devices). */
@Tag(name = "me", description = "The signed-in user's account, sessions and two-factor authentication")
@RestController
@RequestMapping("/api/v1/me/sessions")
class SessionsController {

    private final DeviceSessions sessions;

    SessionsController(DeviceSessions sessions) {
        this.sessions = sessions;
    }

    @Operation(summary = "List my signed-in sessions")
    @GetMapping
    List<DeviceSessions.SessionView> sessions(@AuthenticationPrincipal Jwt jwt) {
        return sessions.list(AccessTokenClaims.userId(jwt), AccessTokenClaims.sessionId(jwt));
    }

    @Operation(summary = "Sign out one session")
    @ApiResponse(responseCode = "204", description = "Signed out")
    @ApiResponse(responseCode = "404", description = "not-found: no such session of mine, or it ended already")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> revoke(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
        sessions.revoke(AccessTokenClaims.userId(jwt), id);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Sign out every other session")
    @DeleteMapping
    ResponseEntity<Void> revokeOthers(@AuthenticationPrincipal Jwt jwt) {
        sessions.revokeOthers(AccessTokenClaims.userId(jwt), AccessTokenClaims.sessionId(jwt));
        return ResponseEntity.noContent().build();
    }
}
