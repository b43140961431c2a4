package dev.encore.account.session;

import java.time.Clock;
import java.util.Map;

import org.apache.commons.codec.digest.DigestUtils;
import org.springframework.stereotype.Component;

import dev.encore.account.user.AuditTrail;

/**
 * Refresh tokens as families: each session is one family of single-use tokens, kept only as their
 * SHA-256. A presented token leads to its session; one that was rotated already ends that session,
 * since a copy of it is in someone's hands (audited).
 */
@Component
class RefreshTokenFamilies {

    private final RefreshTokens refreshTokens;
    private final UserSessions sessions;
    private final SessionRevoker revoker;
    private final AuditTrail audit;
    private final Clock clock;

    RefreshTokenFamilies(RefreshTokens refreshTokens, UserSessions sessions, SessionRevoker revoker, AuditTrail audit,
            Clock clock) {
        this.refreshTokens = refreshTokens;
        this.sessions = sessions;
        this.revoker = revoker;
        this.audit = audit;
        this.clock = clock;
    }

    /** A presented token that was not used before, and its session (which may have ended). */
    record Presented(RefreshToken token, UserSession session) {
    }

    /**
     * @throws InvalidRefreshTokenException no token, an unknown one, or one whose session is gone
     * @throws RefreshTokenReusedException  a rotated one: its session is revoked now
     */
    Presented present(String refreshToken) {
        if (refreshToken == null) {
            throw new InvalidRefreshTokenException();
        }
        RefreshToken token = refreshTokens.findById(DigestUtils.sha256Hex(refreshToken))
                .orElseThrow(InvalidRefreshTokenException::new);
        UserSession session = sessions.findById(token.sessionId()).orElseThrow(InvalidRefreshTokenException::new);
        if (token.wasRotated()) {
            throw reused(session);
        }
        return new Presented(token, session);
    }

    /**
     * Spends a presented token: from now on presenting it again ends its session.
     *
     * @throws RefreshTokenReusedException another refresh spent it since it was presented: its session is revoked
     */
    void spend(Presented presented) {
        if (refreshTokens.spend(presented.token().getId(), clock.instant()) == 0) {
            throw reused(presented.session());
        }
    }

    private RefreshTokenReusedException reused(UserSession session) {
        if (session.isActive(clock.instant())) {
            revoker.revoke(session, "refresh-reuse");
        }
        audit.record("refresh.reused", null, session.userId(), Map.of("session", session.id().toString()));
        return new RefreshTokenReusedException();
    }
}
