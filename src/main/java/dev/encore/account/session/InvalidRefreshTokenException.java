package dev.encore.account.session;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import dev.encore.platform.Problems;

/** A refresh token that is unknown, expired or belongs to an ended session (401 {@code invalid-refresh-token}). */
public class InvalidRefreshTokenException extends ErrorResponseException {

    InvalidRefreshTokenException() {
        this("The refresh token is unknown, expired or revoked. Sign in again.");
    }

    private InvalidRefreshTokenException(String detail) {
        super(HttpStatus.UNAUTHORIZED, Problems.of(HttpStatus.UNAUTHORIZED, "invalid-refresh-token", "Invalid refresh token",
                detail), null);
    }

    /** A refresh with no token at all: neither in the body nor as the web app's cookie. */
    public static InvalidRefreshTokenException missing() {
        return new InvalidRefreshTokenException("No refresh token was sent: put it in the body as refreshToken "
                + "(or, in a browser, sign in with ?cookie=true).");
    }
}
