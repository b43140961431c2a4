package dev.encore.delivery;

import java.time.Instant;
import java.util.UUID;

/**
 * A viewing of a video started: its HLS master playlist was fetched, or its original streamed from
 * the first byte. Published in a transaction of its own, so the event publication registry delivers
 * it after the commit and again after a crash; listeners count each {@code watchId} once.
 *
 * @param watchId   this viewing; unique
 * @param videoId   the video
 * @param ownerId   who owns the video
 * @param viewerId  who watches it
 * @param name      the video's file name, for display
 * @param watchedAt when the viewing started
 */
public record VideoWatched(UUID watchId, UUID videoId, UUID ownerId, UUID viewerId, String name, Instant watchedAt) {
}
