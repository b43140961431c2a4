package dev.encore.library.content;

import java.time.Instant;
import java.util.UUID;

import dev.encore.library.Viewer;
import dev.encore.library.Visibility;
import dev.encore.platform.SqlWhere;

/**
 * The filters every content listing offers, as SQL conditions on the content's table (alias
 * {@code c}), starting with what the viewer may list: their own, public ones, everything for
 * admins. Every filter has an index.
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

    /** What {@code viewer} may list of {@code c}: their own, public ones, everything for admins. */
    public static SqlWhere listable(Viewer viewer) {
        SqlWhere where = new SqlWhere();
        if (!viewer.admin()) {
            where.and("(c.owner_id = :viewer OR c.visibility = 'PUBLIC')").param("viewer", viewer.userId());
        }
        return where;
    }

    /**
     * The conditions on {@code c}.
     *
     * @param tagTable       the kind's tag table, e.g. {@code track_tags}
     * @param tagOwnerColumn its column naming the content, e.g. {@code track_id}
     */
    public SqlWhere where(Viewer viewer, String tagTable, String tagOwnerColumn) {
        return listable(viewer).and("EXISTS (SELECT 1 FROM " + tagTable + " tt WHERE tt." + tagOwnerColumn
                        + " = c.id AND tt.tag = :tag)", "tag", tag)
                .and("c.category = :category", "category", category)
                .and("c.created_at >= :createdFrom", "createdFrom", createdFrom)
                .and("c.created_at < :createdTo", "createdTo", createdTo)
                .and("c.visibility = :visibility", "visibility", visibility)
                .and("c.owner_id = :owner", "owner", owner);
    }
}
