package dev.encore.account.session;

import java.time.Clock;
import java.util.Base64;

import org.apache.commons.codec.digest.DigestUtils;
import org.springframework.security.crypto.keygen.Base64StringKeyGenerator;
import org.springframework.security.crypto.keygen.StringKeyGenerator;
import org.springframework.stereotype.Component;

import dev.encore.account.user.UserView;

/** Opens sessions and hands out their token pairs: a fresh access JWT and a single-use refresh token. */
@Component
public class SessionTokens {

    /** 32 random bytes, URL-safe Base64: what clients send back to refresh. */
    private static final StringKeyGenerator REFRESH_TOKENS =
            new Base64StringKeyGenerator(Base64.getUrlEncoder().withoutPadding(), 32);

    private final UserSessions sessions;
    private final RefreshTokens refreshTokens;
    private final AccessTokens accessTokens;
    private final AccountProperties properties;
    private final Clock clock;

    SessionTokens(UserSessions sessions, RefreshTokens refreshTokens, AccessTokens accessTokens,
            AccountProperties properties, Clock clock) {
        this.sessions = sessions;
        this.refreshTokens = refreshTokens;
        this.accessTokens = accessTokens;
        this.properties = properties;
        this.clock = clock;
    }

    /** Opens a session (a device) of {@code user} and hands out its first token pair; in the caller's transaction. */
    public SignedIn open(UserView user, ClientInfo client) {
        UserSession session = sessions.save(new UserSession(user.id(), client, clock.instant(),
                properties.sessionLifetime(), properties.sessionIdleTimeout()));
        return issue(user, session);
    }

    /** Records a refresh of {@code session}, extending its idle window. */
    void touch(UserSession session, ClientInfo client) {
        session.touch(client, clock.instant(), properties.sessionIdleTimeout());
        sessions.save(session);
    }

    SignedIn issue(UserView user, UserSession session) {
        String refreshToken = REFRESH_TOKENS.generateKey();
        refreshTokens.save(new RefreshToken(DigestUtils.sha256Hex(refreshToken), session.id(), clock.instant()));
        AccessTokens.Issued access = accessTokens.issue(user, session.id());
        return new SignedIn(access.token(), access.expiresAt(), refreshToken, session.id(), user);
    }
}
