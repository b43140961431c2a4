package dev.encore.account.session;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.encore.platform.AccessTokenRevocations;

/** Ends sessions: no more refreshes, and their access tokens stop working at once on every node. */
@Component
public class SessionRevoker {

    private final UserSessions sessions;
    private final AccessTokenRevocations revocations;
    private final AccountProperties properties;
    private final Clock clock;

    SessionRevoker(UserSessions sessions, AccessTokenRevocations revocations, AccountProperties properties,
            Clock clock) {
        this.sessions = sessions;
        this.revocations = revocations;
        this.properties = properties;
        this.clock = clock;
    }

    void revoke(UserSession session, String reason) {
        Instant now = clock.instant();
        session.revoke(reason, now); // what the caller's copy says; the row is ended by one statement
        sessions.revoke(session.id(), reason, now);
        revocations.revokeSession(session.id().toString(), properties.accessTokenTtl());
    }

    /** Makes one access token stop working at once (until it would have expired anyway). */
    void revokeAccessToken(String tokenId, Instant expiresAt) {
        revocations.revokeToken(tokenId, expiresAt);
    }

    /** Revokes every active session of {@code userId} except {@code keep} (may be null). */
    public int revokeAll(UUID userId, UUID keep, String reason) {
        int revoked = 0;
        for (UserSession session : sessions.findByUserIdOrderByCreatedAtDesc(userId)) {
            if (!session.id().equals(keep) && session.isActive(clock.instant())) {
                revoke(session, reason);
                revoked++;
            }
        }
        return revoked;
    }
}
