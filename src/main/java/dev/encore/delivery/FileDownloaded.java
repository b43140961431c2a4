package dev.encore.delivery;

import java.time.Instant;
import java.util.UUID;

/**
 * A file was downloaded through its signed link ({@code GET /dl/{token}} from its first byte; resumed
 * ranges, HEADs and 304s are not new downloads). Published in a transaction of its own, so the event
 * publication registry delivers it after the commit and again after a crash; listeners count each
 * {@code downloadId} once.
 *
 * @param downloadId   this download; unique
 * @param fileId       the file
 * @param ownerId      who owns the file (download links are owner-bound: also who downloaded it)
 * @param name         the file's name, for display
 * @param downloadedAt when the download started
 */
public record FileDownloaded(UUID downloadId, UUID fileId, UUID ownerId, String name, Instant downloadedAt) {
}
