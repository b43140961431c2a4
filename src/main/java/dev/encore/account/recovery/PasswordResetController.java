package dev.encore.account.recovery;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.hibernate.validator.constraints.CodePointLength;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.encore.platform.RateLimited;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** "Forgot password?": a reset link by e-mail, and the new password it lets one set. */
@Tag(name = "auth", description = "Registration, login, token refresh and logout")
@RestController
@RequestMapping("/api/v1/auth/password-reset")
class PasswordResetController {

    static final String ACCEPTED = "If an account matches, a link to reset its password is on its way to its "
            + "e-mail address. It works once, for a short while.";

    private final PasswordResets resets;

    PasswordResetController(PasswordResets resets) {
        this.resets = resets;
    }

    /**
     * Asks for a reset link.
     *
     * @param identifier the account's e-mail address or username
     */
    record PasswordResetRequest(@NotBlank @Size(max = 254) String identifier) {
    }

    /** What an ask answers, the same whether an account matched or not. */
    record PasswordResetAccepted(String message) {
    }

    /** Whether reset links can be sent here (mail is configured): the web app shows "Forgot password?" then. */
    record PasswordResetAvailability(boolean available) {
    }

    /**
     * Sets the new password.
     *
     * @param token       the token from the link (after {@code #token=})
     * @param newPassword the new password, under the usual policy
     */
    record ConfirmPasswordResetRequest(@NotBlank @Size(max = 128) String token,
            @NotBlank @CodePointLength(min = 8, max = 128, normalizationStrategy = CodePointLength.NormalizationStrategy.NFC, message = "must be 8 to 128 characters long") String newPassword) {

        @Override
        public String toString() {
            return "ConfirmPasswordResetRequest[]"; // never the secrets
        }
    }

    @Operation(summary = "Can reset links be sent?", description = "True when this server sends e-mail.")
    @GetMapping
    PasswordResetAvailability availability() {
        return new PasswordResetAvailability(resets.available());
    }

    @Operation(summary = "Ask for a password reset link", description = "By e-mail address or username. Always 202 with "
            + "the same body, after the same time, whether an account matches or not; a matching enabled account gets "
            + "a single-use link by e-mail, valid for encore.account.password-reset.ttl (30 minutes). At most "
            + "encore.ratelimit.limits.password-reset-account links per account per hour (more asks are answered "
            + "alike and send nothing).")
    @ApiResponse(responseCode = "202", description = "Accepted (whether or not an account matched)")
    @ApiResponse(responseCode = "400", description = "validation-failed")
    @ApiResponse(responseCode = "429", description = "rate-limited: 5 asks per hour per client address")
    @ApiResponse(responseCode = "404", description = "mail-not-configured: this server sends no e-mail, so it offers no reset by mail")
    @RateLimited(value = "password-reset", per = RateLimited.Scope.CLIENT)
    @PostMapping
    ResponseEntity<PasswordResetAccepted> request(@Valid @RequestBody PasswordResetRequest request)
            throws InterruptedException {
        resets.request(request.identifier());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new PasswordResetAccepted(ACCEPTED));
    }

    @Operation(summary = "Set a new password with a reset link", description = "Spends the link's token, sets the "
            + "password and ends every session of the account (sign in again).")
    @ApiResponse(responseCode = "204", description = "Password set")
    @ApiResponse(responseCode = "400", description = "invalid-reset-token (unknown, expired or used), or "
            + "validation-failed (the password breaks the policy; the link still works)")
    @PostMapping("/confirm")
    ResponseEntity<Void> confirm(@Valid @RequestBody ConfirmPasswordResetRequest request) {
        resets.confirm(request.token(), request.newPassword());
        return ResponseEntity.noContent().build();
    }
}
