package dev.encore.insights.rollup;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The daily roll-ups: per item and UTC day (not personal) and per user, item and UTC day (personal).
 * Each row is made once ({@code ON CONFLICT DO NOTHING}, which H2 takes in PostgreSQL mode) and then
 * incremented in place, so two events for one row on two nodes wait for each other instead of
 * failing; an event is counted once under its id.
 */
@Service
public class RollUps {

    private static final int MAX_NAME = 200;

    private final JdbcClient jdbc;
    private final InsightsProperties properties;
    private final Clock clock;

    public RollUps(JdbcClient jdbc, InsightsProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Counts an event once.
     *
     * @return false when the event had been counted before (a redelivery), which changes nothing
     */
    @Transactional
    public boolean count(Counted event) {
        int fresh = jdbc.sql("INSERT INTO insights_counted_events (event_id, counted_at) VALUES (?, ?) "
                + "ON CONFLICT DO NOTHING").params(event.eventId(), utc(clock.instant())).update();
        if (fresh == 0) {
            return false;
        }
        String activity = event.activity().name();
        LocalDate day = LocalDate.ofInstant(event.at(), ZoneOffset.UTC);
        remember(event, activity);
        jdbc.sql("INSERT INTO insights_item_days (activity, item_id, on_day, hits) VALUES (?, ?, ?, 0) "
                + "ON CONFLICT DO NOTHING").params(activity, event.itemId(), day).update();
        jdbc.sql("UPDATE insights_item_days SET hits = hits + 1 WHERE activity = ? AND item_id = ? AND on_day = ?")
                .params(activity, event.itemId(), day).update();
        if (event.userId() != null) {
            jdbc.sql("INSERT INTO insights_user_days (user_id, on_day, activity, item_id, hits) VALUES (?, ?, ?, ?, 0) "
                    + "ON CONFLICT DO NOTHING").params(event.userId(), day, activity, event.itemId()).update();
            jdbc.sql("UPDATE insights_user_days SET hits = hits + 1 "
                    + "WHERE user_id = ? AND on_day = ? AND activity = ? AND item_id = ?")
                    .params(event.userId(), day, activity, event.itemId()).update();
        }
        return true;
    }

    /** The item's owner and latest name. */
    private void remember(Counted event, String activity) {
        String name = event.name() == null ? null : truncate(event.name());
        jdbc.sql("INSERT INTO insights_items (activity, item_id, owner_id, name) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT DO NOTHING").params(activity, event.itemId(), event.ownerId(), name).update();
        if (name != null) {
            jdbc.sql("UPDATE insights_items SET name = ? WHERE activity = ? AND item_id = ?")
                    .params(name, activity, event.itemId()).update();
        }
    }

    /**
     * A deleted account: its personal roll-ups go; the items it owned stay counted in the server's
     * totals, with no owner and no name.
     */
    @Transactional
    public void forget(UUID userId) {
        jdbc.sql("DELETE FROM insights_user_days WHERE user_id = ?").params(userId).update();
        jdbc.sql("UPDATE insights_items SET owner_id = NULL, name = NULL WHERE owner_id = ?").params(userId).update();
    }

    /**
     * Deletes the days older than {@code encore.insights.retention}, items nothing counts any more
     * and event ids older than {@code encore.insights.event-memory}; run daily.
     *
     * @return the roll-up rows deleted
     */
    @Transactional
    public int purgeExpired() {
        Instant now = clock.instant();
        LocalDate oldest = LocalDate.ofInstant(now.minus(properties.retention()), ZoneOffset.UTC);
        int deleted = jdbc.sql("DELETE FROM insights_item_days WHERE on_day < ?").params(oldest).update()
                + jdbc.sql("DELETE FROM insights_user_days WHERE on_day < ?").params(oldest).update();
        jdbc.sql("DELETE FROM insights_items i WHERE NOT EXISTS (SELECT 1 FROM insights_item_days d "
                + "WHERE d.activity = i.activity AND d.item_id = i.item_id)").update();
        jdbc.sql("DELETE FROM insights_counted_events WHERE counted_at < ?")
                .params(utc(now.minus(properties.eventMemory()))).update();
        return deleted;
    }

    private static String truncate(String name) {
        return name.codePointCount(0, name.length()) <= MAX_NAME ? name
                : name.substring(0, name.offsetByCodePoints(0, MAX_NAME));
    }

    /** As an offset date-time: PostgreSQL's driver takes no {@code Instant}. */
    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
