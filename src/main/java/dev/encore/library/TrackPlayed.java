package dev.encore.library;

import java.time.Instant;
import java.util.UUID;

/**
 * A play of a track started (a stream from its first byte). Published in the transaction that stores
 * the play, so the event publication registry hands it to its listeners after the commit, and again
 * after a crash; listeners that count plays count each {@code playId} once.
 *
 * @param playId     the play (the stream's {@code Encore-Play-Id}); unique per play
 * @param trackId    the track
 * @param ownerId    who owns the track
 * @param listenerId who played it
 * @param name       the track's file name when it was played, for display
 * @param playedAt   when the play started
 */
public record TrackPlayed(UUID playId, UUID trackId, UUID ownerId, UUID listenerId, String name, Instant playedAt) {
}
