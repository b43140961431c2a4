package dev.encore.account.session;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import dev.encore.platform.Problems;

/** An already-rotated refresh token was presented: the session is revoked (401 {@code refresh-token-reused}). */
class RefreshTokenReusedException extends ErrorResponseException {

    RefreshTokenReusedException() {
        super(HttpStatus.UNAUTHORIZED, Problems.of(HttpStatus.UNAUTHORIZED, "refresh-token-reused", "Refresh token reused", "This refresh token was already used; the session has been ended for safety. Sign in again."), null);
    }
}
