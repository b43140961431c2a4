package dev.encore.account.registration;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import dev.encore.platform.Problems;

/**
 * A registration with the right admin key after an admin exists, when the key is a bootstrap key
 * (403 {@code admin-key-spent}).
 */
class AdminKeySpentException extends ErrorResponseException {

    AdminKeySpentException() {
        super(HttpStatus.FORBIDDEN, Problems.of(HttpStatus.FORBIDDEN, "admin-key-spent", "Admin key already used",
                "The admin registration key registers the first admin only, and an admin exists. Register without "
                        + "it and ask an admin to promote you."), null);
    }
}
