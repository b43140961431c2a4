package dev.encore.account.mfa;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import dev.encore.platform.Problems;

/** A TOTP or recovery code that is wrong, expired or already used (401 {@code invalid-mfa-code}). */
class InvalidMfaCodeException extends ErrorResponseException {

    InvalidMfaCodeException() {
        super(HttpStatus.UNAUTHORIZED, Problems.of(HttpStatus.UNAUTHORIZED, "invalid-mfa-code", "Invalid code", "The authentication code is not valid or was already used."), null);
    }
}
