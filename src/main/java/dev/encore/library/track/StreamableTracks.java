package dev.encore.library.track;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.encore.library.Visibility;

/**
 * What streaming needs of a track, read with one plain statement. A player asks for a range many
 * times a second and each asks for this row: through JPA it cost a read-only transaction, the
 * repository proxy and Hibernate's query execution, about a quarter of a 4 MiB range's CPU (see
 * docs/performance.md, "Range streaming"). The row is read afresh every time, so a change of
 * visibility or a deletion counts from the next range on, on every node.
 */
@Component
public class StreamableTracks {

    private final JdbcClient jdbc;

    StreamableTracks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What streaming needs of a track. */
    public record Streamable(UUID id, UUID ownerId, Visibility visibility, String filename, String mimeType,
            long size, String sha256, long durationMs, Instant createdAt) {
    }

    public Optional<Streamable> find(UUID id) {
        return jdbc.sql("""
                SELECT id, owner_id, visibility, filename, mime_type, size_bytes, sha256, duration_ms, created_at
                FROM tracks WHERE id = ?""")
                .param(id).query(StreamableTracks::streamable).optional();
    }

    private static Streamable streamable(ResultSet row, int number) throws SQLException {
        return new Streamable(row.getObject("id", UUID.class), row.getObject("owner_id", UUID.class),
                Visibility.valueOf(row.getString("visibility")), row.getString("filename"),
                row.getString("mime_type"), row.getLong("size_bytes"), row.getString("sha256"),
                row.getLong("duration_ms"), row.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
