package dev.encore.library.play;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.encore.library.TrackPlayed;

/**
 * Stores a new play with one plain statement. A play starts with a player's first range, inside the
 * streaming request: through JPA it cost a transaction, a session and its flush, 8 % of a 4 MiB
 * range benchmark's CPU for the one range in fifty that starts a play (docs/performance.md, "Range
 * streaming"). A play is only ever inserted here; a player's later report updates it through
 * {@link Plays}. The insert and its {@link TrackPlayed} share one plain JDBC transaction: the event
 * publication registry stores the event only with the play, and its listeners run after the commit.
 */
@Component
public class NewPlays {

    private static final String INSERT = "INSERT INTO plays (id, track_id, user_id, started_at, ms_listened, updated_at) "
            + "VALUES (?, ?, ?, ?, ?, ?)";

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;

    NewPlays(JdbcClient jdbc, ApplicationEventPublisher events, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Stores the play and publishes its {@link TrackPlayed}.
     *
     * @param ownerId who owns the track
     * @param name    the track's title
     */
    public void insert(Play play, UUID ownerId, String name) {
        transaction.executeWithoutResult(status -> {
            jdbc.sql(INSERT).params(play.id(), play.trackId(), play.userId(), utc(play.startedAt()),
                    play.msListened(), utc(play.updatedAt())).update();
            events.publishEvent(new TrackPlayed(play.id(), play.trackId(), ownerId, play.userId(), name,
                    play.startedAt()));
        });
    }

    /** As an offset date-time: PostgreSQL's driver takes no {@code Instant}. */
    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
