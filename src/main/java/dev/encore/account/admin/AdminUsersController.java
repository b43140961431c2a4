package dev.encore.account.admin;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.encore.account.session.AccessTokenClaims;
import dev.encore.platform.PageQuery;
import dev.encore.platform.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

@Tag(name = "admin", description = "User administration (admins only)")
@PreAuthorize("hasRole('ADMIN')")
@RestController
@RequestMapping("/api/v1/admin/users")
class AdminUsersController {

    private static final Set<String> SORTABLE = Set.of("createdAt", "username", "email");

    private final UserAdministration administration;

    AdminUsersController(UserAdministration administration) {
        this.administration = administration;
    }

    /**
     * Changes to one account; absent fields stay as they are.
     *
     * @param enabled whether the account may sign in
     * @param roles   the complete role list: {@code ["USER"]} or {@code ["USER","ADMIN"]}
     */
    record UpdateUserRequest(Boolean enabled,
            @Size(min = 1, max = 2) List<@Pattern(regexp = "USER|ADMIN", message = "must be USER or ADMIN") String> roles) {
    }

    @Operation(summary = "List and search accounts", description = "q matches username or email, ignoring case. "
            + "lastAdmin marks the only enabled admin, whom PATCH neither disables nor demotes.")
    @GetMapping
    PageResponse<AdminUserView> list(@RequestParam(required = false) @Size(max = 100) String q, @Valid PageQuery page) {
        return administration.search(q, page.toPageable(SORTABLE, Sort.by("createdAt").descending()));
    }

    @Operation(summary = "Enable, disable or change the roles of an account",
            description = "Disabling ends all its sessions at once. The last enabled admin cannot be demoted or disabled (409).")
    @ApiResponse(responseCode = "200", description = "Updated")
    @ApiResponse(responseCode = "409", description = "last-admin: would leave no enabled admin")
    @PatchMapping("/{id}")
    AdminUserView update(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id, @Valid @RequestBody UpdateUserRequest request) {
        Boolean admin = request.roles() == null ? null : request.roles().contains("ADMIN");
        return administration.update(AccessTokenClaims.userId(jwt), id, request.enabled(), admin);
    }

    @Operation(summary = "Reset an account's two-factor authentication", description = "For someone who lost both "
            + "their authenticator and their recovery codes: turns two-factor off (or drops an enrolment in progress), "
            + "forgets the secret and the recovery codes, and ends all the account's sessions; they sign in with the "
            + "password alone and may enrol again. Audited as admin.mfa-reset. Not for one's own account: "
            + "an admin turns their own off with DELETE /api/v1/me/mfa/totp and a code, so that a stolen admin "
            + "token cannot strip its owner's second factor.")
    @ApiResponse(responseCode = "204", description = "Two-factor is off and the account's sessions are ended")
    @ApiResponse(responseCode = "404", description = "not-found: no such account")
    @ApiResponse(responseCode = "409", description = "mfa-not-enabled: nothing to reset; own-second-factor: the "
            + "admin's own account")
    @DeleteMapping("/{id}/mfa")
    ResponseEntity<Void> resetSecondFactor(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
        administration.resetSecondFactor(AccessTokenClaims.userId(jwt), id);
        return ResponseEntity.noContent().build();
    }
}
