package dev.encore.account.session;

import java.util.UUID;

import org.springframework.security.oauth2.jwt.Jwt;

/** The ids in an access token ({@link AccessTokens} writes them): the user's and the session's. */
public final class AccessTokenClaims {

    private AccessTokenClaims() {
    }

    /** The signed-in user: the {@code sub} claim. */
    public static UUID userId(Jwt jwt) {
        return UUID.fromString(jwt.getSubject());
    }

    /** The session the token belongs to: the {@code sid} claim; null when it has none. */
    public static UUID sessionId(Jwt jwt) {
        String sid = jwt.getClaimAsString("sid");
        return sid == null ? null : UUID.fromString(sid);
    }
}
