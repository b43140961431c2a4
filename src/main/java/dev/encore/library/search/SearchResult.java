package dev.encore.library.search;

import java.util.UUID;

import dev.encore.library.playlist.Playlist;
import dev.encore.library.presentation.Presentation;
import dev.encore.library.track.Track;
import dev.encore.library.video.Video;

/**
 * One search result, best first.
 *
 * @param type       {@code track}, {@code video}, {@code playlist} or {@code presentation}
 * @param id         its id
 * @param title      title, or the playlist's name
 * @param artist     artist (tracks)
 * @param album      album (tracks), if any
 * @param durationMs duration (tracks, videos)
 * @param ownerId    whose it is
 * @param score      relevance within this answer (absent when answered from the database)
 */
record SearchResult(String type, UUID id, String title, String artist, String album, Long durationMs,
        UUID ownerId, Float score) {

    static SearchResult of(Track track, Float score) {
        return new SearchResult("track", track.id(), track.title(), track.artist(), track.album(), track.durationMs(),
                track.ownerId(), score);
    }

    static SearchResult of(Video video, Float score) {
        return new SearchResult("video", video.id(), video.title(), null, null, video.durationMs(), video.ownerId(),
                score);
    }

    static SearchResult of(Presentation presentation, Float score) {
        return new SearchResult("presentation", presentation.id(), presentation.title(), null, null, null,
                presentation.ownerId(), score);
    }

    static SearchResult of(Playlist playlist, Float score) {
        return new SearchResult("playlist", playlist.id(), playlist.name(), null, null, null, playlist.ownerId(),
                score);
    }
}
