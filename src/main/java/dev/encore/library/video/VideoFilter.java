package dev.encore.library.video;

import dev.encore.library.Viewer;
import dev.encore.library.content.ContentFilters;
import dev.encore.platform.SqlWhere;

/**
 * The video listing's filters (each with an index).
 *
 * @param common tag, category, created range, visibility, owner
 */
public record VideoFilter(ContentFilters common) {

    /** What {@code viewer} may list, then the filters, as conditions on {@code videos} (alias {@code c}). */
    public SqlWhere where(Viewer viewer) {
        return common.where(viewer, "video_tags", "video_id");
    }
}
