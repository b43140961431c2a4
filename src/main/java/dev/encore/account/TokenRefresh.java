package dev.encore.account;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;


/** Refresh-token rotation with reuse detection, and logout. */
@Service
public class TokenRefresh {

    private final Users users;
    private final UserSessions sessions;
    private final RefreshTokens refreshTokens;
    private final SessionTokens sessionTokens;
    private final SessionRevoker revoker;
    private final AuditTrail audit;
    private final Clock clock;

    TokenRefresh(Users users, UserSessions sessions, RefreshTokens refreshTokens, SessionTokens sessionTokens,
            SessionRevoker revoker, AuditTrail audit, Clock clock) {
        this.users = users;
        this.sessions = sessions;
        this.refreshTokens = refreshTokens;
        this.sessionTokens = sessionTokens;
        this.revoker = revoker;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Exchanges a refresh token for new tokens; the presented one is spent. Presenting a spent
     * token again ends the whole session (it may have been stolen) and is audited.
     *
     * @throws InvalidRefreshTokenException unknown, expired or revoked
     * @throws RefreshTokenReusedException  already used: the session is now revoked
     */
    @Transactional(noRollbackFor = ErrorResponseException.class)
    public SignedIn refresh(String refreshToken, ClientInfo client) {
        Instant now = clock.instant();
        RefreshToken token = refreshTokens.findById(Secrets.sha256(refreshToken))
                .orElseThrow(InvalidRefreshTokenException::new);
        UserSession session = sessions.findById(token.sessionId()).orElseThrow(InvalidRefreshTokenException::new);
        if (token.wasRotated()) {
            if (session.isActive(now)) {
                revoker.revoke(session, "refresh-reuse");
            }
            audit.record("refresh.reused", null, session.userId(), Map.of("session", session.id().toString()));
            throw new RefreshTokenReusedException();
        }
        User user = users.findById(session.userId()).orElseThrow(InvalidRefreshTokenException::new);
        if (!session.isActive(now) || !user.isEnabled()) {
            throw new InvalidRefreshTokenException();
        }
        token.markRotated(now);
        sessionTokens.touch(session, client);
        return sessionTokens.issue(user, session);
    }

    /** Ends the session of the calling token; the token itself stops working at once, on every node. */
    @Transactional
    public void logout(UUID userId, UUID sessionId, String tokenId, Instant tokenExpiresAt) {
        sessions.findById(sessionId).filter(session -> session.userId().equals(userId))
                .ifPresent(session -> revoker.revoke(session, "logout"));
        revoker.revokeAccessToken(tokenId, tokenExpiresAt);
        audit.record("logout", userId, userId, Map.of("session", sessionId.toString()));
    }
}
