package dev.encore.library.presentation;

import jakarta.persistence.criteria.Predicate;

import org.springframework.data.jpa.domain.Specification;

import dev.encore.library.Viewer;
import dev.encore.library.content.ContentFilters;

/**
 * The presentation listing's filters (each with an index).
 *
 * @param common tag, category, created range, visibility, owner
 */
public record PresentationFilter(ContentFilters common) {

    /** What {@code viewer} may list, then the filters. */
    public Specification<Presentation> forViewer(Viewer viewer) {
        return (root, query, cb) -> cb.and(common.predicates(viewer, root, cb).toArray(Predicate[]::new));
    }
}
