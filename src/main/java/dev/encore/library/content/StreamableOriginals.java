package dev.encore.library.content;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.encore.library.Visibility;
import dev.encore.platform.spi.DeliverableFiles.DeliverableFile;

/**
 * What streaming needs of a track's or a video's original, read with one plain statement. A player
 * asks for a range many times a second and each asks for this row: through JPA it cost a read-only
 * transaction, the repository proxy and Hibernate's query execution, about a quarter of a 4 MiB
 * range's CPU (docs/performance.md, "Range streaming"). The row is read afresh every time, so a
 * change of visibility or a deletion counts from the next range on, on every node.
 */
@Component
public class StreamableOriginals {

    /** The tables whose rows carry an original (the columns of {@link LibraryContent}). */
    public enum Table {
        TRACKS("tracks"), VIDEOS("videos");

        private final String sql;

        Table(String name) {
            this.sql = "SELECT id, owner_id, visibility, filename, mime_type, size_bytes, sha256, duration_ms, "
                    + "created_at, title FROM " + name + " WHERE id = ?";
        }
    }

    /** A row as streaming needs it; the title names it in what is counted of it (insights). */
    public record Original(UUID id, UUID ownerId, Visibility visibility, String filename, String mimeType,
            long size, String sha256, long durationMs, Instant createdAt, String title) {

        public DeliverableFile deliverable() {
            return new DeliverableFile(id, ownerId, filename, mimeType, size, sha256, durationMs, createdAt, null);
        }
    }

    private final JdbcClient jdbc;

    StreamableOriginals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Original> find(Table table, UUID id) {
        return jdbc.sql(table.sql).param(id).query(StreamableOriginals::original).optional();
    }

    /**
     * By position, in the order of {@link Table}'s SELECT list: H2 finds a column by name with an
     * upper-casing and a map look-up per call, nine per range (3 % of a 4 MiB range's CPU).
     */
    private static Original original(ResultSet row, int number) throws SQLException {
        return new Original(row.getObject(1, UUID.class), row.getObject(2, UUID.class),
                Visibility.valueOf(row.getString(3)), row.getString(4), row.getString(5), row.getLong(6),
                row.getString(7), row.getLong(8), row.getObject(9, OffsetDateTime.class).toInstant(), row.getString(10));
    }
}
