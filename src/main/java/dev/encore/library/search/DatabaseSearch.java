package dev.encore.library.search;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.encore.library.Viewer;
import dev.encore.library.content.ContentFilters;
import dev.encore.library.presentation.PresentationFilter;
import dev.encore.library.track.TrackFilter;
import dev.encore.library.video.VideoFilter;
import dev.encore.platform.SqlWhere;

/**
 * What the search reads from the database. The results' rows as they are now ({@link #rows}):
 * what a result shows and who may list it, one query per kind, no aggregate loaded. And the
 * fallback when no engine answers: every word must appear (as a substring, any case, accents folded
 * as the engines fold them) in the title, artist or album, a video's or presentation's title or a
 * playlist's name (not slide text); each kind gives the ids of its first matches by title (or name)
 * and how many match in all.
 */
@Component
class DatabaseSearch {

    /**
     * The ids of the first matches and the count of all.
     *
     * @param ids   in title order, at most the number asked for
     * @param total every match
     */
    record Matches(List<UUID> ids, long total) {
    }

    /**
     * A piece of content as a result shows it.
     *
     * @param isPublic public (a playlist: shared with everyone)
     */
    record Row(SearchKind kind, UUID id, String title, String artist, String album, Long durationMs, UUID ownerId,
            boolean isPublic) {

        /** Theirs, public, or they are an admin. */
        boolean listableBy(Viewer viewer) {
            return viewer.admin() || isPublic || ownerId.equals(viewer.userId());
        }
    }

    /** Per kind: the columns of a {@link Row} in its table (a typed NULL where it has none: PostgreSQL's is text). */
    private static final Map<SearchKind, String> ROWS = Map.of(
            SearchKind.TRACK, "SELECT id, title, artist, album, duration_ms, owner_id,"
                    + " visibility = 'PUBLIC' AS is_public FROM tracks",
            SearchKind.VIDEO, "SELECT id, title, NULL AS artist, NULL AS album, duration_ms, owner_id,"
                    + " visibility = 'PUBLIC' AS is_public FROM videos",
            SearchKind.PRESENTATION, "SELECT id, title, NULL AS artist, NULL AS album,"
                    + " CAST(NULL AS BIGINT) AS duration_ms, owner_id, visibility = 'PUBLIC' AS is_public"
                    + " FROM presentations",
            SearchKind.PLAYLIST, "SELECT id, name AS title, NULL AS artist, NULL AS album,"
                    + " CAST(NULL AS BIGINT) AS duration_ms, owner_id, is_public FROM playlists");

    private final JdbcClient jdbc;

    DatabaseSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The rows of these ids of one kind that still exist, by id. */
    Map<UUID, Row> rows(SearchKind kind, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql(ROWS.get(kind) + " WHERE id IN (:ids)").param("ids", ids)
                .query((row, number) -> new Row(kind, row.getObject("id", UUID.class), row.getString("title"),
                        row.getString("artist"), row.getString("album"), row.getObject("duration_ms", Long.class),
                        row.getObject("owner_id", UUID.class), row.getBoolean("is_public")))
                .list().stream().collect(Collectors.toMap(Row::id, Function.identity()));
    }

    /** The first {@code wanted} matches of one kind, by title, and the count of all. */
    Matches matches(SearchKind kind, Viewer viewer, SearchQuery query, int wanted) {
        return switch (kind) {
            case TRACK -> tracks(viewer, query, wanted);
            case VIDEO -> videos(viewer, query, wanted);
            case PLAYLIST -> playlists(viewer, query, wanted);
            case PRESENTATION -> presentations(viewer, query, wanted);
        };
    }

    private Matches tracks(Viewer viewer, SearchQuery query, int wanted) {
        SearchQuery.Filters f = query.filters();
        SqlWhere where = new TrackFilter(f.artist(), f.album(), f.genre(), f.tag(), null, f.yearFrom(), f.yearTo(),
                null, null, null, null).where(viewer);
        return matches("tracks", "title", containsAll(where, query.terms(), "c.title", "c.artist", "c.album"),
                wanted);
    }

    private Matches videos(Viewer viewer, SearchQuery query, int wanted) {
        SqlWhere where = new VideoFilter(ContentFilters.NONE).where(viewer);
        return matches("videos", "title", containsAll(where, query.terms(), "c.title"), wanted);
    }

    private Matches presentations(Viewer viewer, SearchQuery query, int wanted) {
        SqlWhere where = new PresentationFilter(ContentFilters.NONE).where(viewer);
        return matches("presentations", "title", containsAll(where, query.terms(), "c.title"), wanted);
    }

    /** Mine and everyone's public ones (all for admins). */
    private Matches playlists(Viewer viewer, SearchQuery query, int wanted) {
        SqlWhere where = new SqlWhere();
        if (!viewer.admin()) {
            where.and("(c.owner_id = :viewer OR c.is_public = TRUE)").param("viewer", viewer.userId());
        }
        return matches("playlists", "name", containsAll(where, query.terms(), "c.name"), wanted);
    }

    private Matches matches(String table, String titleColumn, SqlWhere where, int wanted) {
        List<UUID> ids = jdbc.sql("SELECT c.id FROM " + table + " c" + where.sql() + " ORDER BY c." + titleColumn
                + ", c.id LIMIT :wanted").params(where.params()).param("wanted", wanted).query(UUID.class).list();
        long total = ids.size() < wanted ? ids.size()
                : jdbc.sql("SELECT COUNT(*) FROM " + table + " c" + where.sql()).params(where.params())
                        .query(Long.class).single();
        return new Matches(ids, total);
    }

    /** Each term in one of the columns, folded as {@link SearchText} folds terms. */
    private static SqlWhere containsAll(SqlWhere where, List<String> terms, String... columns) {
        if (terms.isEmpty()) {
            return where;
        }
        where.param("foldFrom", SearchText.FOLD_FROM).param("foldTo", SearchText.FOLD_TO);
        for (int n = 0; n < terms.size(); n++) {
            String term = "term" + n;
            List<String> any = Arrays.stream(columns)
                    .map(column -> "LOWER(TRANSLATE(" + column + ", :foldFrom, :foldTo)) LIKE :" + term
                            + " ESCAPE '\\'")
                    .toList();
            where.and("(" + String.join(" OR ", any) + ")")
                    .param(term, SqlWhere.containsPattern(terms.get(n).toLowerCase(Locale.ROOT)));
        }
        return where;
    }
}
