package dev.encore.account.recovery;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import dev.encore.platform.Problems;

/** A reset token that is unknown, expired or used (400 {@code invalid-reset-token}); which one is not told. */
class InvalidResetTokenException extends ErrorResponseException {

    private InvalidResetTokenException() {
        super(HttpStatus.BAD_REQUEST, Problems.of(HttpStatus.BAD_REQUEST, "invalid-reset-token", "Invalid reset link",
                "This reset link is unknown, has expired or was used already. Ask for a new one."), null);
    }

    static InvalidResetTokenException create() {
        return new InvalidResetTokenException();
    }
}
