package dev.encore.account.signin;

import java.util.UUID;

import dev.encore.account.session.SignedIn;
import dev.encore.account.user.UserView;

/** What a login, a refresh or the OIDC second-factor step answer; {@code refreshToken} is absent in cookie mode. */
public record TokenResponse(String accessToken, String tokenType, long expiresIn, String refreshToken, UUID sessionId,
        UserView user) {

    /** The answer for {@code signedIn}; {@code cookie}: the refresh token went into the cookie instead. */
    public static TokenResponse from(SignedIn signedIn, boolean cookie, long expiresIn) {
        return new TokenResponse(signedIn.accessToken(), "Bearer", expiresIn,
                cookie ? null : signedIn.refreshToken(), signedIn.sessionId(), signedIn.user());
    }
}
