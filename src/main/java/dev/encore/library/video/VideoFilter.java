package dev.encore.library.video;

import jakarta.persistence.criteria.Predicate;

import org.springframework.data.jpa.domain.Specification;

import dev.encore.library.Viewer;
import dev.encore.library.content.ContentFilters;

/**
 * The video listing's filters (each with an index).
 *
 * @param common tag, category, created range, visibility, owner
 */
public record VideoFilter(ContentFilters common) {

    /** What {@code viewer} may list, then the filters. */
    public Specification<Video> forViewer(Viewer viewer) {
        return (root, query, cb) -> cb.and(common.predicates(viewer, root, cb).toArray(Predicate[]::new));
    }
}
