package dev.encore.library.search;

import java.util.UUID;

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

    static SearchResult of(DatabaseSearch.Row row, Float score) {
        return new SearchResult(row.kind().value(), row.id(), row.title(), row.artist(), row.album(), row.durationMs(),
                row.ownerId(), score);
    }
}
