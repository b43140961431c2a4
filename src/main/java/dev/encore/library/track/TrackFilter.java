package dev.encore.library.track;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.persistence.criteria.Predicate;

import org.springframework.data.jpa.domain.Specification;

import dev.encore.library.Viewer;
import dev.encore.library.Visibility;
import dev.encore.library.content.ContentFilters;

/**
 * The listing's filters, as a criteria query (no untyped null parameters, which PostgreSQL
 * refuses). Every filter has an index.
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

    /** What {@code viewer} may list: their own, public ones, everything for admins; then the filters. */
    public Specification<Track> forViewer(Viewer viewer) {
        return (root, query, cb) -> {
            List<Predicate> where = new ContentFilters(tag, category, createdFrom, createdTo, visibility, owner)
                    .predicates(viewer, root, cb);
            if (artist != null) {
                where.add(cb.equal(cb.lower(root.get("artist")), artist.toLowerCase(Locale.ROOT)));
            }
            if (album != null) {
                where.add(cb.equal(cb.lower(root.get("album")), album.toLowerCase(Locale.ROOT)));
            }
            if (genre != null) {
                where.add(cb.equal(cb.lower(root.get("genre")), genre.toLowerCase(Locale.ROOT)));
            }
            if (yearFrom != null) {
                where.add(cb.greaterThanOrEqualTo(root.get("year"), yearFrom));
            }
            if (yearTo != null) {
                where.add(cb.lessThanOrEqualTo(root.get("year"), yearTo));
            }
            if (text != null && !text.isBlank()) {
                String pattern = containsPattern(text);
                where.add(cb.or(cb.like(cb.lower(root.get("title")), pattern, '\\'),
                        cb.like(cb.lower(root.get("artist")), pattern, '\\'),
                        cb.like(cb.lower(root.get("album")), pattern, '\\')));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }

    /** A LIKE pattern (escape character {@code \\}) for "contains {@code text}", any case. */
    static String containsPattern(String text) {
        return "%" + text.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_") + "%";
    }
}
