package dev.encore.account.user;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Recent re-authentications ("sudo mode"): proofs, by a fresh sign-in at an identity provider connected to
 * the account, that the person at a session is the account's owner. An account without a password shows
 * one instead of the password that sensitive changes ask for ({@link UserPasswords#requireOwner}). A proof
 * belongs to the session that made it and lasts {@link #VALID_FOR}. Runs in the caller's transaction.
 */
@Component
public class Reauthentications {

    /** How long a re-authentication stands in for the password. */
    public static final Duration VALID_FOR = Duration.ofMinutes(5);

    private final JdbcClient jdbc;
    private final Clock clock;

    Reauthentications(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records that the owner of {@code userId} signed in at {@code provider} again just now, from {@code sessionId}. */
    public void record(UUID userId, UUID sessionId, String provider) {
        Instant now = clock.instant();
        jdbc.sql("DELETE FROM account_reauthentications WHERE session_id = ? OR expires_at <= ?")
                .params(sessionId, Timestamp.from(now)).update();
        jdbc.sql("INSERT INTO account_reauthentications (session_id, user_id, provider, expires_at) VALUES (?, ?, ?, ?)")
                .params(sessionId, userId, provider, Timestamp.from(now.plus(VALID_FOR))).update();
    }

    /** Until when {@code sessionId} holds a proof for {@code userId}; empty when it holds none now. */
    public Optional<Instant> validUntil(UUID userId, UUID sessionId) {
        if (sessionId == null) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT expires_at FROM account_reauthentications WHERE session_id = ? AND user_id = ? "
                + "AND expires_at > ?").params(sessionId, userId, Timestamp.from(clock.instant()))
                .query((row, n) -> row.getTimestamp("expires_at").toInstant()).optional();
    }
}
