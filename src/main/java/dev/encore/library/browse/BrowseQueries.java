package dev.encore.library.browse;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.encore.library.Viewer;
import dev.encore.library.content.ContentFilters;
import dev.encore.platform.SqlWhere;

/**
 * The artists, albums and genres of the tracks a viewer may list, grouped in SQL: one entry per
 * name in any case, by name, with the count of the groups for the page's total.
 */
@Component
class BrowseQueries {

    /** A track of the group that has a cover (the cover URL is its), or null. */
    private static final String COVER_TRACK =
            "MAX(CASE WHEN cover_sha256 IS NOT NULL THEN CAST(id AS VARCHAR(36)) END) AS cover_track";

    private final JdbcClient jdbc;

    BrowseQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Page<BrowseEntry> artists(Viewer viewer, Pageable pageable) {
        SqlWhere where = ContentFilters.listable(viewer);
        return page("SELECT MIN(artist) AS name, NULL AS artist, COUNT(*) AS track_count, " + COVER_TRACK
                + " FROM tracks c" + where.sql() + " GROUP BY LOWER(artist) ORDER BY LOWER(artist)",
                "SELECT COUNT(DISTINCT LOWER(artist)) FROM tracks c" + where.sql(), where, pageable);
    }

    Page<BrowseEntry> genres(Viewer viewer, Pageable pageable) {
        SqlWhere where = ContentFilters.listable(viewer).and("genre IS NOT NULL");
        return page("SELECT MIN(genre) AS name, NULL AS artist, COUNT(*) AS track_count, NULL AS cover_track"
                + " FROM tracks c" + where.sql() + " GROUP BY LOWER(genre) ORDER BY LOWER(genre)",
                "SELECT COUNT(DISTINCT LOWER(genre)) FROM tracks c" + where.sql(), where, pageable);
    }

    /** @param artist only this artist's albums, lower-case; null: every artist's */
    Page<BrowseEntry> albums(Viewer viewer, String artist, Pageable pageable) {
        SqlWhere where = ContentFilters.listable(viewer).and("album IS NOT NULL")
                .and("LOWER(artist) = :artist", "artist", artist);
        String grouped = " FROM tracks c" + where.sql() + " GROUP BY LOWER(album), LOWER(artist)";
        return page("SELECT MIN(album) AS name, MIN(artist) AS artist, COUNT(*) AS track_count, " + COVER_TRACK
                + grouped + " ORDER BY LOWER(album), LOWER(artist)",
                "SELECT COUNT(*) FROM (SELECT 1 AS one" + grouped + ") albums", where, pageable);
    }

    private Page<BrowseEntry> page(String select, String count, SqlWhere where, Pageable pageable) {
        List<BrowseEntry> entries = jdbc.sql(select + " LIMIT :limit OFFSET :offset").params(where.params())
                .param("limit", pageable.getPageSize()).param("offset", pageable.getOffset())
                .query(BrowseQueries::entry).list();
        return PageableExecutionUtils.getPage(entries, pageable,
                () -> jdbc.sql(count).params(where.params()).query(Long.class).single());
    }

    private static BrowseEntry entry(ResultSet row, int number) throws SQLException {
        return BrowseEntry.of(row.getString("name"), row.getString("artist"), row.getLong("track_count"),
                row.getString("cover_track"));
    }
}
