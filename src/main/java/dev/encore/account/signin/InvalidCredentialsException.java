package dev.encore.account.signin;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import dev.encore.platform.Problems;

/** Login failed; the same answer for an unknown account and a wrong password (401 {@code invalid-credentials}). */
class InvalidCredentialsException extends ErrorResponseException {

    InvalidCredentialsException() {
        super(HttpStatus.UNAUTHORIZED, Problems.of(HttpStatus.UNAUTHORIZED, "invalid-credentials", "Invalid credentials", "The username, email or password is not correct."), null);
    }
}
