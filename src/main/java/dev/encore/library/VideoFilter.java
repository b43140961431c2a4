package dev.encore.library;

import jakarta.persistence.criteria.Predicate;

import org.springframework.data.jpa.domain.Specification;

/**
 * The video listing's filters (each with an index).
 *
 * @param common tag, category, created range, visibility, owner
 */
public record VideoFilter(ContentFilters common) {

    /** What {@code viewer} may list, then the filters. */
    Specification<Video> forViewer(Viewer viewer) {
        return (root, query, cb) -> cb.and(common.predicates(viewer, root, cb).toArray(Predicate[]::new));
    }
}
