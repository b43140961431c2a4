package dev.encore.library.track;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.encore.library.Viewer;
import dev.encore.platform.spi.StreamLinks;

/**
 * A track as clients see it.
 *
 * @param id         track id
 * @param ownerId    whose it is
 * @param title      title
 * @param artist     artist
 * @param album      album, if any
 * @param genre      genre, if any
 * @param year       release year, if known
 * @param category   category, if any
 * @param tags       tags, sorted
 * @param visibility private, unlisted or public
 * @param featured   picked by an admin
 * @param durationMs duration
 * @param mimeType   type of the stored original
 * @param size       bytes of the original
 * @param coverUrl   where its cover picture is, if it has one
 * @param createdAt  when it was added
 * @param updatedAt  last change
 * @param version    for If-Match on updates (also the ETag)
 * @param streamUrl  a signed URL that plays the track for the caller without a token (for
 *                   {@code <audio src>}; add {@code ?format=&bitrate=} for a rendition)
 * @param streamUrlExpiresAt when the stream URL stops working: read the track again for a new one
 */
public record TrackView(UUID id, UUID ownerId, String title, String artist, String album, String genre, Integer year,
        String category, List<String> tags, String visibility, boolean featured, long durationMs, String mimeType,
        long size, String coverUrl, Instant createdAt, Instant updatedAt, long version, String streamUrl,
        Instant streamUrlExpiresAt) {

    /** The track as {@code viewer} sees it, with a stream URL of their own. */
    public static TrackView of(TrackData track, Viewer viewer, StreamLinks links) {
        StreamLinks.StreamLink stream = links.issue(StreamLinks.Target.TRACK, track.id(), viewer.userId(),
                track.durationMs());
        return new TrackView(track.id(), track.ownerId(), track.title(), track.artist(), track.album(), track.genre(),
                track.year(), track.category(), track.sortedTags(), track.visibility().value(),
                track.featured(), track.durationMs(), track.mimeType(), track.size(),
                track.coverSha256() == null ? null : "/api/v1/tracks/" + track.id() + "/cover", track.createdAt(),
                track.updatedAt(), track.version(), stream.url(), stream.expiresAt());
    }
}
