package dev.encore.library.play;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Stores a new play with one plain statement. A play starts with a player's first range, inside the
 * streaming request: through JPA it cost a transaction, a session and its flush, 8 % of a 4 MiB
 * range benchmark's CPU for the one range in fifty that starts a play (docs/performance.md, "Range
 * streaming"). A play is only ever inserted here; a player's later report updates it through
 * {@link Plays}.
 */
@Component
public class NewPlays {

    private static final String INSERT = "INSERT INTO plays (id, track_id, user_id, started_at, ms_listened, updated_at) "
            + "VALUES (?, ?, ?, ?, ?, ?)";

    private final JdbcClient jdbc;

    NewPlays(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Play play) {
        jdbc.sql(INSERT).params(play.id(), play.trackId(), play.userId(), utc(play.startedAt()), play.msListened(),
                utc(play.updatedAt())).update();
    }

    /** As an offset date-time: PostgreSQL's driver takes no {@code Instant}. */
    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
