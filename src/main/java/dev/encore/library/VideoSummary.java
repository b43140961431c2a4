package dev.encore.library;

import java.time.Instant;
import java.util.UUID;

/**
 * What other modules (live premieres) may know of a video, as one viewer sees it.
 *
 * @param id             video id
 * @param ownerId        whose it is
 * @param title          its title
 * @param visibility     private, unlisted or public
 * @param durationMs     its length in milliseconds
 * @param ready          whether processing finished (the HLS ladder exists)
 * @param hlsUrl         signed master playlist URL for this viewer; null unless ready
 * @param posterUrl      signed poster URL for this viewer; null unless ready
 * @param urlsExpireAt   when the signed URLs stop working
 */
public record VideoSummary(UUID id, UUID ownerId, String title, Visibility visibility, long durationMs,
        boolean ready, String hlsUrl, String posterUrl, Instant urlsExpireAt) {
}
