package dev.encore.library.video;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.encore.library.Viewer;
import dev.encore.platform.spi.StreamLinks;

/**
 * A video as clients see it.
 *
 * @param id          video id
 * @param ownerId     whose it is
 * @param title       title
 * @param description description, if any
 * @param category    category, if any
 * @param tags        tags, sorted
 * @param visibility  private, unlisted or public
 * @param featured    picked by an admin
 * @param durationMs  duration
 * @param mimeType    type of the stored original
 * @param size        bytes of the original
 * @param createdAt   when it was added
 * @param updatedAt   last change
 * @param version     for If-Match on updates (also the ETag)
 * @param streamUrl   a signed URL that plays the video for the caller without a token (for
 *                    {@code <video src>}), with Range
 * @param streamUrlExpiresAt when the stream URL stops working: read the video again for a new one
 */
public record VideoView(UUID id, UUID ownerId, String title, String description, String category, List<String> tags,
        String visibility, boolean featured, long durationMs, String mimeType, long size, Instant createdAt,
        Instant updatedAt, long version, String streamUrl, Instant streamUrlExpiresAt) {

    /** The video as {@code viewer} sees it, with a stream URL of their own. */
    public static VideoView of(Video video, Viewer viewer, StreamLinks links) {
        StreamLinks.StreamLink stream = links.issue(StreamLinks.Target.VIDEO, video.id(), viewer.userId(),
                video.durationMs());
        return new VideoView(video.id(), video.ownerId(), video.title(), video.description(), video.category(),
                video.sortedTags(), video.visibility().value(), video.featured(),
                video.durationMs(), video.mimeType(), video.size(), video.createdAt(), video.updatedAt(),
                video.version(), stream.url(), stream.expiresAt());
    }
}
