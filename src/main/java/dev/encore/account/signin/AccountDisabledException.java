package dev.encore.account.signin;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import dev.encore.platform.Problems;

/** The account was disabled by an administrator (403 {@code account-disabled}). */
class AccountDisabledException extends ErrorResponseException {

    AccountDisabledException() {
        super(HttpStatus.FORBIDDEN, Problems.of(HttpStatus.FORBIDDEN, "account-disabled", "Account disabled", "This account is disabled. Contact an administrator."), null);
    }
}
