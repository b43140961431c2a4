package dev.encore.library.search;

import java.util.List;
import java.util.UUID;

/**
 * What the search engines know of one piece of content: enough to match, filter and rank it.
 * Results are always read back from the database, so an engine holds nothing it must keep exact.
 *
 * @param id      the content's id
 * @param kind    track, video, playlist or presentation
 * @param ownerId whose it is
 * @param listed  whether everyone may find it (public); otherwise only its owner (and admins)
 * @param title   title, or a playlist's name
 * @param artist  artist, if any
 * @param album   album, if any
 * @param genre   genre, if any
 * @param tags    tags (a playlist's description words are not indexed)
 * @param year    release year, if known
 * @param body    longer text matched with less weight (a presentation's slide text), or null
 */
record SearchDocument(UUID id, SearchKind kind, UUID ownerId, boolean listed, String title, String artist,
        String album, String genre, List<String> tags, Integer year, String body) {

    public SearchDocument {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
