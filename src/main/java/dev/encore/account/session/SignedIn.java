package dev.encore.account.session;

import java.time.Instant;
import java.util.UUID;

import dev.encore.account.user.UserView;

/**
 * The answer to a login or refresh.
 *
 * @param accessToken          bearer JWT for API calls
 * @param accessTokenExpiresAt when it stops working
 * @param refreshToken         single-use token for the next refresh (rotated every time)
 * @param sessionId            the session (device) these tokens belong to
 * @param user                 the signed-in account
 */
public record SignedIn(String accessToken, Instant accessTokenExpiresAt, String refreshToken, UUID sessionId,
        UserView user) {

    @Override
    public String toString() {
        return "SignedIn[sessionId=" + sessionId + "]";
    }
}
