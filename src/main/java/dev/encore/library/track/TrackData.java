package dev.encore.library.track;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.encore.library.Visibility;

/**
 * What a track's view is made of: the entity ({@link Track}) or a row of a listing
 * ({@link ListedTrack}), so that {@link TrackView#of} maps both the same way.
 */
public interface TrackData {

    UUID id();

    UUID ownerId();

    String title();

    String artist();

    String album();

    String genre();

    Integer year();

    String category();

    /** The tags in their natural order. */
    List<String> sortedTags();

    Visibility visibility();

    boolean featured();

    long durationMs();

    String mimeType();

    long size();

    String coverSha256();

    Instant createdAt();

    Instant updatedAt();

    long version();
}
