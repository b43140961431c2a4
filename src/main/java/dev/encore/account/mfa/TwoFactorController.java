package dev.encore.account.mfa;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.hibernate.validator.constraints.CodePointLength;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.encore.account.session.AccessTokenClaims;
import dev.encore.account.user.CredentialCheckThrottle;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The signed-in user's two-factor authentication (TOTP). */
@Tag(name = "me", description = "The signed-in user's account, sessions and two-factor authentication")
@RestController
@RequestMapping("/api/v1/me/mfa")
class TwoFactorController {

    private final SecondFactor secondFactor;

    TwoFactorController(SecondFactor secondFactor) {
        this.secondFactor = secondFactor;
    }

    /** @param code a TOTP code (6 digits); to turn two-factor off or make new recovery codes also a recovery code (xxxx-xxxx-xxxx-xxxx) */
    record CodeRequest(@NotBlank @Size(max = 32) String code) {
    }

    /** @param password the account's password; none for an account without one (it re-authenticates instead) */
    record StartRequest(@Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") @CodePointLength(max = 128, normalizationStrategy = CodePointLength.NormalizationStrategy.NFC) String password) {
    }

    record RecoveryCodesResponse(List<String> recoveryCodes) {
    }

    @Operation(summary = "Start TOTP enrolment", description = "Needs the account's current password, so that an "
            + "access token alone cannot turn two-factor on (an account without a password: a re-authentication at a "
            + "connected provider in the last 5 minutes instead, POST /api/v1/me/connections/{provider}/reauthentication); wrong passwords are audited and limited per account "
            + "(see 429). Returns the secret, an otpauth:// URI and that URI as a QR code (qrCode.path: SVG path "
            + "data of the dark modules on a qrCode.size square grid); two-factor stays off until confirmed.")
    @ApiResponse(responseCode = "200", description = "Enrolment started")
    @ApiResponse(responseCode = "400", description = "validation-failed: the password is missing or not correct "
            + "(password)")
    @ApiResponse(responseCode = "403", description = "reauthentication-required: the account has no password and "
            + "this session has not signed in again at a connected provider in the last 5 minutes")
    @ApiResponse(responseCode = "409", description = "mfa-already-enabled")
    @ApiResponse(responseCode = "429", description = CredentialCheckThrottle.LIMITED)
    @PostMapping("/totp")
    SecondFactor.Enrolment startTotp(@AuthenticationPrincipal Jwt jwt,
            @Valid @RequestBody(required = false) StartRequest request) {
        // no body: a client from before the password was asked for, or an account without a password
        return secondFactor.start(AccessTokenClaims.userId(jwt), AccessTokenClaims.sessionId(jwt),
                request == null ? null : request.password());
    }

    @Operation(summary = "Confirm TOTP enrolment", description = "A valid code turns two-factor on and returns "
            + "10 single-use recovery codes, shown only this once.")
    @ApiResponse(responseCode = "200", description = "Two-factor is on; the recovery codes")
    @ApiResponse(responseCode = "401", description = "invalid-mfa-code")
    @ApiResponse(responseCode = "409", description = "mfa-already-enabled or mfa-not-started")
    @ApiResponse(responseCode = "429", description = CredentialCheckThrottle.LIMITED)
    @PostMapping("/totp/confirm")
    RecoveryCodesResponse confirmTotp(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody CodeRequest request) {
        return new RecoveryCodesResponse(secondFactor.confirm(AccessTokenClaims.userId(jwt), request.code()));
    }

    @Operation(summary = "Turn TOTP off", description = "Needs a valid current code, or one of the recovery codes "
            + "(used up by it): how someone who lost their authenticator turns two-factor off.")
    @ApiResponse(responseCode = "204", description = "Two-factor is off")
    @ApiResponse(responseCode = "401", description = "invalid-mfa-code")
    @ApiResponse(responseCode = "409", description = "mfa-not-enabled")
    @ApiResponse(responseCode = "429", description = CredentialCheckThrottle.LIMITED)
    @DeleteMapping("/totp")
    ResponseEntity<Void> disableTotp(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody CodeRequest request) {
        secondFactor.disable(AccessTokenClaims.userId(jwt), request.code());
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Make new recovery codes", description = "Needs a valid current code, or one of the "
            + "recovery codes (used up by it), as turning two-factor off does. Every earlier recovery code stops "
            + "working; the 10 new ones are shown only this once.")
    @ApiResponse(responseCode = "200", description = "The new recovery codes")
    @ApiResponse(responseCode = "401", description = "invalid-mfa-code")
    @ApiResponse(responseCode = "409", description = "mfa-not-enabled")
    @ApiResponse(responseCode = "429", description = CredentialCheckThrottle.LIMITED)
    @PostMapping("/recovery-codes")
    RecoveryCodesResponse newRecoveryCodes(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody CodeRequest request) {
        return new RecoveryCodesResponse(
                secondFactor.regenerateRecoveryCodes(AccessTokenClaims.userId(jwt), request.code()));
    }
}
