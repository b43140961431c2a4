package dev.encore.platform.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The deny-list's record in the database ({@code access_token_denials}) beside the store that
 * answers requests: each revocation is written down until it no longer matters, and the entries
 * still in force are handed back to that store when the process starts. Without it a restart
 * forgot every revocation of the embedded mode (kept in memory), and a revoked, disabled or
 * deleted account's access token worked again until it expired; in distributed mode a node's start
 * also gives Redis back what it lost with a restart of its own. Requests are still answered by the
 * fast store alone: the table is written only when a token or a session is revoked. When the fast
 * store says it lost its entries while the nodes run (Redis restarted empty), the one node told so
 * hands them back at once, instead of the logged-out tokens working again on every other node.
 */
class DurableDenyListStore implements DenyListStore {

    private static final Logger log = LoggerFactory.getLogger(DurableDenyListStore.class);

    private final DenyListStore fast;
    private final JdbcClient jdbc;
    private final Clock clock;

    DurableDenyListStore(DenyListStore fast, JdbcClient jdbc, Clock clock) {
        this.fast = fast;
        this.jdbc = jdbc;
        this.clock = clock;
        fast.forgotten(); // a first start finds nothing to have been lost: the restore below is due anyway
        restore();
    }

    @Override
    public void deny(String key, Instant until) {
        Instant now = clock.instant();
        if (!until.isAfter(now)) {
            return;
        }
        fast.deny(key, until);
        record(key, Timestamp.from(until));
        // revocations are rare (logouts, password changes): each one also clears out the expired
        jdbc.sql("DELETE FROM access_token_denials WHERE denied_until <= :now").param("now", Timestamp.from(now))
                .update();
    }

    @Override
    public boolean isDenied(String key) {
        if (fast.forgotten()) {
            handBack();
        }
        return fast.isDenied(key);
    }

    private void handBack() {
        try {
            int restored = restore();
            log.warn("The token deny-list store had lost its entries (Redis restarted empty?); handed {} revocations"
                    + " in force back from the database", restored);
        }
        catch (DataAccessException ex) {
            log.warn("The token deny-list store lost its entries and the database could not hand them back ({});"
                    + " they come back when a node starts", ex.getClass().getSimpleName());
        }
    }

    /** Keeps the later of the two times when the key is already recorded. */
    private void record(String key, Timestamp until) {
        if (extend(key, until) > 0) {
            return;
        }
        try {
            jdbc.sql("INSERT INTO access_token_denials (denied_key, denied_until) VALUES (:key, :until)")
                    .param("key", key).param("until", until).update();
        }
        catch (DuplicateKeyException raced) {
            extend(key, until); // another request recorded it a moment ago
        }
    }

    /** Whether the key was recorded already (its time now the later of the two). */
    private int extend(String key, Timestamp until) {
        return jdbc.sql("UPDATE access_token_denials SET denied_until = GREATEST(denied_until, :until)"
                + " WHERE denied_key = :key").param("key", key).param("until", until).update();
    }

    /** Hands the revocations still in force to the fast store; how many. */
    private int restore() {
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.sql("SELECT denied_key, denied_until FROM access_token_denials WHERE denied_until > :now")
                .param("now", now)
                .query((rs, row) -> {
                    fast.deny(rs.getString("denied_key"), rs.getTimestamp("denied_until").toInstant());
                    return null;
                }).list().size();
    }
}
