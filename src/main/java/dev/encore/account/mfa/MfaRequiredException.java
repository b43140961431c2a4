package dev.encore.account.mfa;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import dev.encore.platform.Problems;

/** The password was right, but the account needs a second factor (401 {@code mfa-required}). */
class MfaRequiredException extends ErrorResponseException {

    MfaRequiredException() {
        super(HttpStatus.UNAUTHORIZED, Problems.of(HttpStatus.UNAUTHORIZED, "mfa-required", "Second factor required", "This account uses two-factor authentication: send totpCode or recoveryCode with the login."), null);
    }
}
