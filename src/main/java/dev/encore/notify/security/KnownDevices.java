package dev.encore.notify.security;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.apache.commons.codec.digest.DigestUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The devices each user signed in from, known by a hash of the browser's User-Agent (an address
 * changes too often on phones to tell devices by). Only the hash is kept.
 */
@Component
class KnownDevices {

    private final JdbcClient jdbc;

    KnownDevices(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What {@link #remember} found. */
    enum Seen {
        /** The user's first device on record: nothing to compare with. */
        FIRST,
        /** Known already. */
        KNOWN,
        /** Unknown, while others are known: a new device. */
        NEW
    }

    /** Remembers the device of {@code userAgent} for {@code userId} and tells whether it was known. */
    Seen remember(UUID userId, String userAgent, Instant at) {
        String hash = hash(userAgent == null ? "" : userAgent);
        boolean any = jdbc.sql("SELECT COUNT(*) FROM notify_known_devices WHERE user_id = ?").param(userId)
                .query(Long.class).single() > 0;
        int added = jdbc.sql("INSERT INTO notify_known_devices (user_id, device_hash, first_seen) VALUES (?, ?, ?) "
                + "ON CONFLICT DO NOTHING").params(userId, hash, Timestamp.from(at)).update();
        if (!any) {
            return Seen.FIRST;
        }
        return added == 1 ? Seen.NEW : Seen.KNOWN;
    }

    private static String hash(String value) {
        return DigestUtils.sha256Hex(value);
    }
}
