package dev.encore.account.session;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.encore.account.user.AccountNotFoundException;
import dev.encore.account.user.AuditTrail;

/** The signed-in devices of a user: listing and signing them out, this one (logout) included. */
@Service
public class DeviceSessions {

    private final UserSessions sessions;
    private final SessionRevoker revoker;
    private final AuditTrail audit;
    private final Clock clock;

    DeviceSessions(UserSessions sessions, SessionRevoker revoker, AuditTrail audit, Clock clock) {
        this.sessions = sessions;
        this.revoker = revoker;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * A session as its owner sees it.
     *
     * @param current whether it is the session of the calling token
     */
    public record SessionView(UUID id, Instant createdAt, Instant lastUsedAt, String userAgent, String clientIp,
            boolean current) {
    }

    @Transactional(readOnly = true)
    public List<SessionView> list(UUID userId, UUID currentSession) {
        Instant now = clock.instant();
        return sessions.findByUserIdOrderByCreatedAtDesc(userId).stream()
                .filter(session -> session.isActive(now))
                .map(session -> new SessionView(session.id(), session.createdAt(), session.lastUsedAt(),
                        session.userAgent(), session.clientIp(), session.id().equals(currentSession)))
                .toList();
    }

    /** @throws AccountNotFoundException when the session is not the user's or already ended */
    @Transactional
    public void revoke(UUID userId, UUID sessionId) {
        UserSession session = sessions.findById(sessionId)
                .filter(found -> found.userId().equals(userId) && found.isActive(clock.instant()))
                .orElseThrow(AccountNotFoundException::session);
        revoker.revoke(session, "revoked-by-user");
        audit.record("session.revoked", userId, userId, Map.of("session", sessionId.toString()));
    }

    /** Ends the session of the calling token; the token itself stops working at once, on every node. */
    @Transactional
    public void logout(UUID userId, UUID sessionId, String tokenId, Instant tokenExpiresAt) {
        sessions.findById(sessionId).filter(session -> session.userId().equals(userId))
                .ifPresent(session -> revoker.revoke(session, "logout"));
        revoker.revokeAccessToken(tokenId, tokenExpiresAt);
        audit.record("logout", userId, userId, Map.of("session", sessionId.toString()));
    }

    /** Signs out every other device. */
    @Transactional
    public int revokeOthers(UUID userId, UUID currentSession) {
        int ended = revoker.revokeAll(userId, currentSession, "revoked-by-user");
        audit.record("session.revoked-others", userId, userId, Map.of("count", Integer.toString(ended)));
        return ended;
    }
}
