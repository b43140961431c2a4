package dev.encore.account.profile;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.hibernate.validator.constraints.CodePointLength;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.encore.account.session.AccessTokenClaims;
import dev.encore.account.user.CredentialCheckThrottle;
import dev.encore.account.user.NoHiddenCharacters;
import dev.encore.account.user.UserView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The signed-in user's own account; its sessions and two-factor have their own controllers under the same path. */
@Tag(name = "me", description = "The signed-in user's account, sessions and two-factor authentication")
@RestController
@RequestMapping("/api/v1/me")
class MeController {

    private final MyAccount account;
    private final PasswordChange passwords;

    MeController(MyAccount account, PasswordChange passwords) {
        this.account = account;
        this.passwords = passwords;
    }

    /**
     * Each field left out (or null) stays as it is; an empty displayName removes it, an empty email is refused.
     * Neither may hold invisible characters ({@link NoHiddenCharacters}).
     */
    record UpdateProfileRequest(@CodePointLength(max = 100, message = "size must be between 0 and 100") @NoHiddenCharacters String displayName,
            @Email(message = "must be a valid email address") @Size(max = 254) @NoHiddenCharacters
            @Pattern(regexp = "(?s).*\\S.*", message = "must be a valid email address; leave it out to keep yours") String email) {
    }

    /** @param currentPassword the account's password; left out by an account without one (it re-authenticates) */
    record ChangePasswordRequest(@Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") @CodePointLength(max = 128, normalizationStrategy = CodePointLength.NormalizationStrategy.NFC) String currentPassword,
            @NotBlank @CodePointLength(min = 8, max = 128, normalizationStrategy = CodePointLength.NormalizationStrategy.NFC, message = "must be 8 to 128 characters long") String newPassword) {
    }

    /** @param password the account's password; left out by an account without one (it re-authenticates) */
    record DeleteAccountRequest(@Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") @CodePointLength(max = 128, normalizationStrategy = CodePointLength.NormalizationStrategy.NFC) String password) {
    }

    @Operation(summary = "Show my account")
    @GetMapping
    UserView me(@AuthenticationPrincipal Jwt jwt) {
        return account.me(userId(jwt));
    }

    @Operation(summary = "Update my display name or email")
    @ApiResponse(responseCode = "200", description = "Updated")
    @ApiResponse(responseCode = "409", description = "account-exists: the email belongs to another account")
    @PatchMapping
    UserView update(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody UpdateProfileRequest request) {
        return account.updateProfile(userId(jwt), request.displayName(), request.email());
    }

    @Operation(summary = "Change or set my password", description = "Needs the current password; signs out every other "
            + "session. Wrong passwords are audited and limited per account (see 429). An account made through an "
            + "identity provider has none: it sets its first one without currentPassword, after signing in again at a "
            + "connected provider (POST /api/v1/me/connections/{provider}/reauthentication, valid 5 minutes).")
    @ApiResponse(responseCode = "204", description = "Changed")
    @ApiResponse(responseCode = "400", description = "validation-failed: the current password is missing or not "
            + "correct (currentPassword) or the new one breaks the policy (newPassword)")
    @ApiResponse(responseCode = "403", description = "reauthentication-required: the account has no password and "
            + "this session has not signed in again at a connected provider in the last 5 minutes")
    @ApiResponse(responseCode = "429", description = CredentialCheckThrottle.LIMITED)
    @PostMapping("/password")
    ResponseEntity<Void> changePassword(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody ChangePasswordRequest request) {
        passwords.change(userId(jwt), sessionId(jwt), request.currentPassword(), request.newPassword());
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Delete my account", description = "Needs the password; removes everything the account owns. "
            + "Wrong passwords are audited and limited per account (see 429). An account without a password sends "
            + "none, after signing in again at a connected provider (valid 5 minutes).")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "400", description = "validation-failed: the password is missing or not correct")
    @ApiResponse(responseCode = "403", description = "reauthentication-required: the account has no password and "
            + "this session has not signed in again at a connected provider in the last 5 minutes")
    @ApiResponse(responseCode = "409", description = "last-admin: the only enabled admin cannot delete their account; "
            + "make another account an admin first")
    @ApiResponse(responseCode = "429", description = CredentialCheckThrottle.LIMITED)
    @DeleteMapping
    ResponseEntity<Void> delete(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody DeleteAccountRequest request) {
        account.delete(userId(jwt), sessionId(jwt), request.password());
        return ResponseEntity.noContent().build();
    }

    private static UUID userId(Jwt jwt) {
        return AccessTokenClaims.userId(jwt);
    }

    private static UUID sessionId(Jwt jwt) {
        return AccessTokenClaims.sessionId(jwt);
    }
}
