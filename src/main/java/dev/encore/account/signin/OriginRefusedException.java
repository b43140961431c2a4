package dev.encore.account.signin;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import dev.encore.platform.Problems;

/** Cookie-based refresh from a missing or foreign Origin (403 {@code origin-refused}). */
class OriginRefusedException extends ErrorResponseException {

    OriginRefusedException() {
        super(HttpStatus.FORBIDDEN, Problems.of(HttpStatus.FORBIDDEN, "origin-refused", "Origin not allowed", "Cookie-based refresh needs an Origin header of an allowed origin."), null);
    }
}
