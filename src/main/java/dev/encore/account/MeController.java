package dev.encore.account;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

@Tag(name = "me", description = "The signed-in user's account, sessions and two-factor authentication")
@RestController
@RequestMapping("/api/v1/me")
class MeController {

    private final Accounts accounts;
    private final DeviceSessions sessions;
    private final SecondFactor secondFactor;

    MeController(Accounts accounts, DeviceSessions sessions, SecondFactor secondFactor) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.secondFactor = secondFactor;
    }

    record UpdateProfileRequest(@Size(max = 100) String displayName,
            @Email(message = "must be a valid email address") @Size(max = 254) String email) {
    }

    record ChangePasswordRequest(@NotBlank @Size(max = 128) String currentPassword,
            @NotBlank @Size(min = 8, max = 128, message = "must be 8 to 128 characters long") String newPassword) {
    }

    record DeleteAccountRequest(@NotBlank @Size(max = 128) String password) {
    }

    record CodeRequest(@NotBlank @Size(max = 16) String code) {
    }

    record RecoveryCodesResponse(List<String> recoveryCodes) {
    }

    @Operation(summary = "Show my account")
    @GetMapping
    UserView me(@AuthenticationPrincipal Jwt jwt) {
        return accounts.me(userId(jwt));
    }

    @Operation(summary = "Update my display name or email")
    @ApiResponse(responseCode = "200", description = "Updated")
    @ApiResponse(responseCode = "409", description = "account-exists: the email belongs to another account")
    @PatchMapping
    UserView update(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody UpdateProfileRequest request) {
        return accounts.updateProfile(userId(jwt), request.displayName(), request.email());
    }

    @Operation(summary = "Change my password", description = "Needs the current password; signs out every other session.")
    @PostMapping("/password")
    ResponseEntity<Void> changePassword(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody ChangePasswordRequest request) {
        accounts.changePassword(userId(jwt), sessionId(jwt), request.currentPassword(), request.newPassword());
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Delete my account", description = "Needs the password; removes everything the account owns.")
    @DeleteMapping
    ResponseEntity<Void> delete(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody DeleteAccountRequest request) {
        accounts.delete(userId(jwt), request.password());
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "List my signed-in sessions")
    @GetMapping("/sessions")
    List<DeviceSessions.SessionView> sessions(@AuthenticationPrincipal Jwt jwt) {
        return sessions.list(userId(jwt), sessionId(jwt));
    }

    @Operation(summary = "Sign out one session")
    @DeleteMapping("/sessions/{id}")
    ResponseEntity<Void> revoke(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
        sessions.revoke(userId(jwt), id);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Sign out every other session")
    @DeleteMapping("/sessions")
    ResponseEntity<Void> revokeOthers(@AuthenticationPrincipal Jwt jwt) {
        sessions.revokeOthers(userId(jwt), sessionId(jwt));
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Start TOTP enrolment", description = "Returns the secret and an otpauth:// URI; "
            + "two-factor stays off until confirmed.")
    @ApiResponse(responseCode = "200", description = "Enrolment started")
    @ApiResponse(responseCode = "409", description = "mfa-already-enabled")
    @PostMapping("/mfa/totp")
    SecondFactor.Enrolment startTotp(@AuthenticationPrincipal Jwt jwt) {
        return secondFactor.start(userId(jwt));
    }

    @Operation(summary = "Confirm TOTP enrolment", description = "A valid code turns two-factor on and returns "
            + "10 single-use recovery codes, shown only this once.")
    @ApiResponse(responseCode = "200", description = "Two-factor is on; the recovery codes")
    @ApiResponse(responseCode = "401", description = "invalid-mfa-code")
    @ApiResponse(responseCode = "409", description = "mfa-already-enabled or mfa-not-started")
    @PostMapping("/mfa/totp/confirm")
    RecoveryCodesResponse confirmTotp(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody CodeRequest request) {
        return new RecoveryCodesResponse(secondFactor.confirm(userId(jwt), request.code()));
    }

    @Operation(summary = "Turn TOTP off", description = "Needs a valid current code.")
    @ApiResponse(responseCode = "204", description = "Two-factor is off")
    @ApiResponse(responseCode = "401", description = "invalid-mfa-code")
    @ApiResponse(responseCode = "409", description = "mfa-not-enabled")
    @DeleteMapping("/mfa/totp")
    ResponseEntity<Void> disableTotp(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody CodeRequest request) {
        secondFactor.disable(userId(jwt), request.code());
        return ResponseEntity.noContent().build();
    }

    static UUID userId(Jwt jwt) {
        return UUID.fromString(jwt.getSubject());
    }

    static UUID sessionId(Jwt jwt) {
        String sid = jwt.getClaimAsString("sid");
        return sid == null ? null : UUID.fromString(sid);
    }
}
