package dev.encore.account;

import java.time.Clock;

import org.springframework.stereotype.Component;

/** Opens sessions and hands out their token pairs: a fresh access JWT and a single-use refresh token. */
@Component
class SessionTokens {

    private static final int REFRESH_TOKEN_BYTES = 32;

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

    UserSession open(User user, ClientInfo client) {
        return sessions.save(new UserSession(user.id(), client, clock.instant(), properties.sessionLifetime(),
                properties.sessionIdleTimeout()));
    }

    /** Records a refresh of {@code session}, extending its idle window. */
    void touch(UserSession session, ClientInfo client) {
        session.touch(client, clock.instant(), properties.sessionIdleTimeout());
    }

    SignedIn issue(User user, UserSession session) {
        String refreshToken = Secrets.randomToken(REFRESH_TOKEN_BYTES);
        refreshTokens.save(new RefreshToken(Secrets.sha256(refreshToken), session.id(), clock.instant()));
        AccessTokens.Issued access = accessTokens.issue(user, session.id());
        return new SignedIn(access.token(), access.expiresAt(), refreshToken, session.id(), UserView.from(user));
    }
}
