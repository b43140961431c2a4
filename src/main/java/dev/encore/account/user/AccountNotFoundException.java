package dev.encore.account.user;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import dev.encore.platform.Problems;

/** A user or session that does not exist, or is not the caller's (404 {@code not-found}). */
public class AccountNotFoundException extends ErrorResponseException {

    private AccountNotFoundException(String what) {
        super(HttpStatus.NOT_FOUND, Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found",
                "No such " + what + "."), null);
    }

    public static AccountNotFoundException user() {
        return new AccountNotFoundException("user");
    }

    public static AccountNotFoundException session() {
        return new AccountNotFoundException("session");
    }
}
