package dev.encore.library;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Predicate;

import org.springframework.data.jpa.domain.Specification;

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
 */
public record TrackFilter(String artist, String album, String genre, String tag, String category, Integer yearFrom,
        Integer yearTo, Instant createdFrom, Instant createdTo, Visibility visibility, UUID owner) {

    /** What {@code viewer} may list: their own, public ones, everything for admins; then the filters. */
    Specification<Track> forViewer(Viewer viewer) {
        return (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (!viewer.admin()) {
                where.add(cb.or(cb.equal(root.get("ownerId"), viewer.userId()),
                        cb.equal(root.get("visibility"), Visibility.PUBLIC)));
            }
            if (artist != null) {
                where.add(cb.equal(cb.lower(root.get("artist")), artist.toLowerCase(Locale.ROOT)));
            }
            if (album != null) {
                where.add(cb.equal(cb.lower(root.get("album")), album.toLowerCase(Locale.ROOT)));
            }
            if (genre != null) {
                where.add(cb.equal(cb.lower(root.get("genre")), genre.toLowerCase(Locale.ROOT)));
            }
            if (tag != null) {
                Join<Track, String> tags = root.join("tags");
                where.add(cb.equal(tags, tag));
            }
            if (category != null) {
                where.add(cb.equal(root.get("category"), category));
            }
            if (yearFrom != null) {
                where.add(cb.greaterThanOrEqualTo(root.get("year"), yearFrom));
            }
            if (yearTo != null) {
                where.add(cb.lessThanOrEqualTo(root.get("year"), yearTo));
            }
            if (createdFrom != null) {
                where.add(cb.greaterThanOrEqualTo(root.get("createdAt"), createdFrom));
            }
            if (createdTo != null) {
                where.add(cb.lessThan(root.get("createdAt"), createdTo));
            }
            if (visibility != null) {
                where.add(cb.equal(root.get("visibility"), visibility));
            }
            if (owner != null) {
                where.add(cb.equal(root.get("ownerId"), owner));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }
}
