package dev.encore.account.session;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import dev.encore.platform.Problems;

/** A refresh token that is unknown, expired or belongs to an ended session (401 {@code invalid-refresh-token}). */
class InvalidRefreshTokenException extends ErrorResponseException {

    InvalidRefreshTokenException() {
        super(HttpStatus.UNAUTHORIZED, Problems.of(HttpStatus.UNAUTHORIZED, "invalid-refresh-token", "Invalid refresh token", "The refresh token is unknown, expired or revoked. Sign in again."), null);
    }
}
