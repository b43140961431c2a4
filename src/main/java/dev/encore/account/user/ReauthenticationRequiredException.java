package dev.encore.account.user;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import dev.encore.platform.Problems;

/**
 * A sensitive change asked of an account without a password, from a session that has not re-authenticated
 * at a connected identity provider lately (403 {@code reauthentication-required}).
 */
public class ReauthenticationRequiredException extends ErrorResponseException {

    public ReauthenticationRequiredException() {
        super(HttpStatus.FORBIDDEN, Problems.of(HttpStatus.FORBIDDEN, "reauthentication-required",
                "Sign in again to confirm", "Your account has no password: confirm it is you by signing in again "
                        + "with a provider connected to it (POST /api/v1/me/connections/{provider}/reauthentication), "
                        + "then send this request again within " + Reauthentications.VALID_FOR.toMinutes() + " minutes."),
                null);
    }
}
