package dev.encore.account.registration;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import dev.encore.platform.Problems;

/** A registration with a wrong admin key (403 {@code invalid-admin-key}). */
class InvalidAdminKeyException extends ErrorResponseException {

    InvalidAdminKeyException() {
        super(HttpStatus.FORBIDDEN, Problems.of(HttpStatus.FORBIDDEN, "invalid-admin-key", "Invalid admin key", "The admin registration key is not correct."), null);
    }
}
