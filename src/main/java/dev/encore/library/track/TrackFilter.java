package dev.encore.library.track;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import dev.encore.library.Viewer;
import dev.encore.library.Visibility;
import dev.encore.library.content.ContentFilters;
import dev.encore.platform.SqlWhere;

/**
 * The track listing's filters, as SQL conditions (the search's fallback adds its own). Every
 * filter has an index.
 *
 * @param artist      exact artist, any case
 * @param album       exact album, any case
 * @param genre       exact genre, any case
 * @param tag         has this tag
 * @param category    exact category
 * @param yearFrom    released in or after
 * @param yearTo      released in or before
 * @param createdFrom added at or after
 * @param createdTo   added before
 * @param visibility  only this visibility
 * @param owner       only this owner's
 * @param text        title, artist or album contains it, any case (null: no text filter)
 */
public record TrackFilter(String artist, String album, String genre, String tag, String category, Integer yearFrom,
        Integer yearTo, Instant createdFrom, Instant createdTo, Visibility visibility, UUID owner, String text) {

    /** The filters without a text filter. */
    public TrackFilter(String artist, String album, String genre, String tag, String category, Integer yearFrom,
            Integer yearTo, Instant createdFrom, Instant createdTo, Visibility visibility, UUID owner) {
        this(artist, album, genre, tag, category, yearFrom, yearTo, createdFrom, createdTo, visibility, owner, null);
    }

    /** What {@code viewer} may list (theirs, public ones, all for admins), then the filters; alias {@code c}. */
    public SqlWhere where(Viewer viewer) {
        SqlWhere where = new ContentFilters(tag, category, createdFrom, createdTo, visibility, owner)
                .where(viewer, "track_tags", "track_id")
                .and("LOWER(c.artist) = :artist", "artist", lower(artist))
                .and("LOWER(c.album) = :album", "album", lower(album))
                .and("LOWER(c.genre) = :genre", "genre", lower(genre))
                .and("c.release_year >= :yearFrom", "yearFrom", yearFrom)
                .and("c.release_year <= :yearTo", "yearTo", yearTo);
        if (text != null && !text.isBlank()) {
            where.and("(LOWER(c.title) LIKE :text ESCAPE '\\' OR LOWER(c.artist) LIKE :text ESCAPE '\\'"
                    + " OR LOWER(c.album) LIKE :text ESCAPE '\\')", "text", containsPattern(text));
        }
        return where;
    }

    private static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }

    /** A LIKE pattern (escape character {@code \\}) for "contains {@code text}", any case. */
    static String containsPattern(String text) {
        return SqlWhere.containsPattern(text.strip().toLowerCase(Locale.ROOT));
    }
}
