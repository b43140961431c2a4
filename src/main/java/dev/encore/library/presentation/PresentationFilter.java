package dev.encore.library.presentation;

import dev.encore.library.Viewer;
import dev.encore.library.content.ContentFilters;
import dev.encore.platform.SqlWhere;

/**
 * The presentation listing's filters (each with an index).
 *
 * @param common tag, category, created range, visibility, owner
 */
public record PresentationFilter(ContentFilters common) {

    /** What {@code viewer} may list, then the filters, as conditions on {@code presentations} (alias {@code c}). */
    public SqlWhere where(Viewer viewer) {
        return common.where(viewer, "presentation_tags", "presentation_id");
    }
}
