package dev.encore.library.track;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.encore.library.Visibility;

/** A track as {@link TrackListing} reads it: the columns a view needs, no entity. */
public record ListedTrack(UUID id, UUID ownerId, String title, String artist, String album, String genre,
        Integer year, String category, List<String> sortedTags, Visibility visibility, boolean featured,
        long durationMs, String mimeType, long size, String coverSha256, Instant createdAt, Instant updatedAt,
        long version) implements TrackData {

    ListedTrack withTags(List<String> tags) {
        return new ListedTrack(id, ownerId, title, artist, album, genre, year, category, tags, visibility, featured,
                durationMs, mimeType, size, coverSha256, createdAt, updatedAt, version);
    }
}
