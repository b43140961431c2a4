package dev.encore.library.content;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;

import dev.encore.library.Viewer;
import dev.encore.library.Visibility;

/**
 * The filters every content listing offers, as criteria (no untyped null parameters, which
 * PostgreSQL refuses), starting with what the viewer may list: their own, public ones, everything
 * for admins.
 *
 * @param tag         has this tag
 * @param category    exact category
 * @param createdFrom added at or after
 * @param createdTo   added before
 * @param visibility  only this visibility
 * @param owner       only this owner's
 */
public record ContentFilters(String tag, String category, Instant createdFrom, Instant createdTo, Visibility visibility,
        UUID owner) {

    public static final ContentFilters NONE = new ContentFilters(null, null, null, null, null, null);

    public <T extends LibraryContent> List<Predicate> predicates(Viewer viewer, Root<T> root, CriteriaBuilder cb) {
        List<Predicate> where = new ArrayList<>();
        if (!viewer.admin()) {
            where.add(cb.or(cb.equal(root.get("ownerId"), viewer.userId()),
                    cb.equal(root.get("visibility"), Visibility.PUBLIC)));
        }
        if (tag != null) {
            Join<T, String> tags = root.join("tags");
            where.add(cb.equal(tags, tag));
        }
        if (category != null) {
            where.add(cb.equal(root.get("category"), category));
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
        return where;
    }
}
