package dev.encore.library.track;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.encore.library.Viewer;
import dev.encore.library.Visibility;
import dev.encore.library.content.ContentListing;
import dev.encore.platform.SqlWhere;

/**
 * A page of the tracks a viewer may list, read with plain SQL: the page's rows, their tags, and
 * the count when the page alone cannot tell it (as Spring Data's paging does).
 * <p>
 * Why not the repository: the rows of a page and their tags are two queries whatever the page's
 * size, where loading aggregates reads each track's tags with its own query; and rows become
 * views without a transaction (docs/performance.md, "Request latency": the listing clients call
 * most). The rules are {@link TrackFilter}'s, which the search's fallback composes with its own.
 */
@Component
public class TrackListing {

    /** The API's sort properties and their columns. */
    private static final Map<String, String> SORT_COLUMNS = Map.of("title", "c.title", "artist", "c.artist",
            "album", "c.album", "year", "c.release_year", "createdAt", "c.created_at", "durationMs", "c.duration_ms");

    /** What {@code GET /api/v1/tracks} may sort by: the properties this listing has a column for. */
    static final Set<String> SORTABLE = SORT_COLUMNS.keySet();

    private static final String COLUMNS = "c.id, c.owner_id, c.title, c.artist, c.album, c.genre, c.release_year, "
            + "c.category, c.visibility, c.featured, c.duration_ms, c.mime_type, c.size_bytes, c.cover_sha256, "
            + "c.created_at, c.updated_at, c.version";

    private final JdbcClient jdbc;

    TrackListing(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The page of tracks {@code viewer} may list that match {@code filter}, in {@code pageable}'s order. */
    public Page<ListedTrack> page(Viewer viewer, TrackFilter filter, Pageable pageable) {
        SqlWhere where = filter.where(viewer);
        String sql = "SELECT " + COLUMNS + " FROM tracks c" + where.sql()
                + ContentListing.orderBy(pageable.getSort(), SORT_COLUMNS)
                + " LIMIT :limit OFFSET :offset";
        List<ListedTrack> rows = jdbc.sql(sql).params(where.params()).param("limit", pageable.getPageSize())
                .param("offset", pageable.getOffset()).query(TrackListing::row).list();
        return PageableExecutionUtils.getPage(withTags(rows), pageable,
                () -> jdbc.sql("SELECT COUNT(*) FROM tracks c" + where.sql()).params(where.params())
                        .query(Long.class).single());
    }

    /**
     * The tracks of these ids that exist, with their tags, in two queries whatever their number
     * (a page of playlists, a room's queue); the caller decides who may see which.
     */
    public List<ListedTrack> byIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return withTags(jdbc.sql("SELECT " + COLUMNS + " FROM tracks c WHERE c.id IN (:ids)").param("ids", ids)
                .query(TrackListing::row).list());
    }

    /** Up to {@code limit} tracks after {@code after} in id order, with their tags (the search rebuild's batches). */
    public List<ListedTrack> after(UUID after, int limit) {
        return withTags(jdbc.sql("SELECT " + COLUMNS + " FROM tracks c WHERE c.id > :after ORDER BY c.id LIMIT :limit")
                .param("after", after).param("limit", limit).query(TrackListing::row).list());
    }

    private List<ListedTrack> withTags(List<ListedTrack> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<UUID, List<String>> tags = new HashMap<>();
        jdbc.sql("SELECT track_id, tag FROM track_tags WHERE track_id IN (:ids)")
                .param("ids", rows.stream().map(ListedTrack::id).toList())
                .query(row -> {
                    tags.computeIfAbsent(row.getObject("track_id", UUID.class), id -> new ArrayList<>())
                            .add(row.getString("tag"));
                });
        return rows.stream().map(track -> track.withTags(
                tags.getOrDefault(track.id(), List.of()).stream().sorted().toList())).toList();
    }

    private static ListedTrack row(ResultSet row, int number) throws SQLException {
        return new ListedTrack(row.getObject("id", UUID.class), row.getObject("owner_id", UUID.class),
                row.getString("title"), row.getString("artist"), row.getString("album"), row.getString("genre"),
                row.getObject("release_year", Integer.class), row.getString("category"), List.of(),
                Visibility.valueOf(row.getString("visibility")), row.getBoolean("featured"),
                row.getLong("duration_ms"), row.getString("mime_type"), row.getLong("size_bytes"),
                row.getString("cover_sha256"), instant(row, "created_at"), instant(row, "updated_at"),
                row.getLong("version"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
