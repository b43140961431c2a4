package dev.encore.library.playlist;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.encore.library.track.TrackView;

/**
 * A playlist as a viewer sees it: items whose track the viewer may not see are left out.
 *
 * @param id          playlist id
 * @param ownerId     whose it is
 * @param name        1..100 characters
 * @param description up to 500 characters
 * @param isPublic    readable by everyone
 * @param items       in order
 * @param createdAt   when it was made
 * @param updatedAt   last change
 * @param version     for If-Match (also the ETag)
 * @param shareToken  the token of its share link, for its owner only, while it is shared (absent otherwise)
 */
record PlaylistView(UUID id, UUID ownerId, String name, String description, boolean isPublic,
        List<Item> items, Instant createdAt, Instant updatedAt, long version, String shareToken) {

    /**
     * One entry.
     *
     * @param id       item id (to remove or reorder it)
     * @param position 0-based
     * @param track    the track
     */
    @Schema(name = "PlaylistItem")
    public record Item(UUID id, int position, TrackView track) {
    }
}
