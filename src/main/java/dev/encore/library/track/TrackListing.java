package dev.encore.library.track;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.encore.library.Viewer;
import dev.encore.library.Visibility;

/**
 * A page of the tracks a viewer may list, read with plain SQL: the page's rows, their tags, and
 * the count when the page alone cannot tell it (as Spring Data's paging does).
 * <p>
 * Why not the repository's criteria query: for every page Spring Data built the criteria query and
 * its count query anew, and Hibernate copied them, ran them in a transaction and made managed
 * entities of the rows: about 40 % of the CPU of {@code GET /api/v1/tracks?size=20}, the listing
 * clients call most (docs/performance.md, "Request latency"). The rules are {@link TrackFilter}'s
 * criteria form, which the search composes with its own; {@code TrackListingIT} checks that both
 * select the same tracks for every filter.
 */
@Component
public class TrackListing {

    /** The API's sort properties and their columns. */
    private static final Map<String, String> SORT_COLUMNS = Map.of("title", "t.title", "artist", "t.artist",
            "album", "t.album", "year", "t.release_year", "createdAt", "t.created_at", "durationMs", "t.duration_ms");

    /** What {@code GET /api/v1/tracks} may sort by: the properties this listing has a column for. */
    static final Set<String> SORTABLE = SORT_COLUMNS.keySet();

    private static final String COLUMNS = "t.id, t.owner_id, t.title, t.artist, t.album, t.genre, t.release_year, "
            + "t.category, t.visibility, t.featured, t.duration_ms, t.mime_type, t.size_bytes, t.cover_sha256, "
            + "t.created_at, t.updated_at, t.version";

    private final JdbcClient jdbc;

    TrackListing(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The page of tracks {@code viewer} may list that match {@code filter}, in {@code pageable}'s order. */
    public Page<ListedTrack> page(Viewer viewer, TrackFilter filter, Pageable pageable) {
        Where where = Where.of(viewer, filter);
        String sql = "SELECT " + COLUMNS + " FROM tracks t" + where.sql() + orderBy(pageable.getSort())
                + " LIMIT :limit OFFSET :offset";
        List<ListedTrack> rows = jdbc.sql(sql).params(where.params()).param("limit", pageable.getPageSize())
                .param("offset", pageable.getOffset()).query(TrackListing::row).list();
        return PageableExecutionUtils.getPage(withTags(rows), pageable,
                () -> jdbc.sql("SELECT COUNT(*) FROM tracks t" + where.sql()).params(where.params())
                        .query(Long.class).single());
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

    private static String orderBy(Sort sort) {
        if (sort.isUnsorted()) {
            return "";
        }
        List<String> orders = new ArrayList<>();
        for (Sort.Order order : sort) {
            String column = SORT_COLUMNS.get(order.getProperty());
            if (column == null) {
                // PageQuery.toPageable lets only SORTABLE through
                throw new IllegalArgumentException("not a sortable track property: " + order.getProperty());
            }
            orders.add(column + (order.isAscending() ? " ASC" : " DESC"));
        }
        return " ORDER BY " + String.join(", ", orders);
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

    /** The WHERE clause of a listing and its named parameters (values always bound, never inlined). */
    record Where(String sql, Map<String, Object> params) {

        static Where of(Viewer viewer, TrackFilter filter) {
            List<String> terms = new ArrayList<>();
            Map<String, Object> params = new HashMap<>();
            if (!viewer.admin()) {
                terms.add("(t.owner_id = :viewer OR t.visibility = 'PUBLIC')");
                params.put("viewer", viewer.userId());
            }
            if (filter.tag() != null) {
                terms.add("EXISTS (SELECT 1 FROM track_tags tt WHERE tt.track_id = t.id AND tt.tag = :tag)");
                params.put("tag", filter.tag());
            }
            add(terms, params, "t.category = :category", "category", filter.category());
            add(terms, params, "t.created_at >= :createdFrom", "createdFrom", timestamp(filter.createdFrom()));
            add(terms, params, "t.created_at < :createdTo", "createdTo", timestamp(filter.createdTo()));
            add(terms, params, "t.visibility = :visibility", "visibility",
                    filter.visibility() == null ? null : filter.visibility().name());
            add(terms, params, "t.owner_id = :owner", "owner", filter.owner());
            add(terms, params, "LOWER(t.artist) = :artist", "artist", lower(filter.artist()));
            add(terms, params, "LOWER(t.album) = :album", "album", lower(filter.album()));
            add(terms, params, "LOWER(t.genre) = :genre", "genre", lower(filter.genre()));
            add(terms, params, "t.release_year >= :yearFrom", "yearFrom", filter.yearFrom());
            add(terms, params, "t.release_year <= :yearTo", "yearTo", filter.yearTo());
            if (filter.text() != null && !filter.text().isBlank()) {
                terms.add("(LOWER(t.title) LIKE :text ESCAPE '\\' OR LOWER(t.artist) LIKE :text ESCAPE '\\' "
                        + "OR LOWER(t.album) LIKE :text ESCAPE '\\')");
                params.put("text", TrackFilter.containsPattern(filter.text()));
            }
            return new Where(terms.isEmpty() ? "" : " WHERE " + String.join(" AND ", terms), params);
        }

        private static void add(List<String> terms, Map<String, Object> params, String term, String name,
                Object value) {
            if (value != null) {
                terms.add(term);
                params.put(name, value);
            }
        }

        private static String lower(String value) {
            return value == null ? null : value.toLowerCase(Locale.ROOT);
        }

        /** PostgreSQL's driver takes an OffsetDateTime for a timestamp with time zone, not an Instant. */
        private static OffsetDateTime timestamp(Instant instant) {
            return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
        }
    }
}
