package dev.encore.library.search;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * One search as the engines receive it: already validated.
 *
 * @param terms    the words of the query, lower-cased and folded (never empty)
 * @param text     the query as typed (trimmed), for engines that match the whole phrase
 * @param kinds    which kinds of content
 * @param viewerId who is searching: sees their own content and everyone's listed content
 * @param admin    admins see everything
 * @param filters  exact filters on top of the text
 * @param offset   results to skip
 * @param limit    results to return
 */
record SearchQuery(List<String> terms, String text, Set<SearchKind> kinds, UUID viewerId, boolean admin,
        Filters filters, int offset, int limit) {

    /**
     * Exact, case-insensitive filters; null means any.
     *
     * @param artist   artist
     * @param album    album
     * @param genre    genre
     * @param tag      has this tag
     * @param yearFrom released in or after
     * @param yearTo   released in or before
     */
    public record Filters(String artist, String album, String genre, String tag, Integer yearFrom, Integer yearTo) {

        public static final Filters NONE = new Filters(null, null, null, null, null, null);

        /** Whether any filter narrows to tracks (playlists have no artist, album, genre or year). */
        public boolean trackOnly() {
            return artist != null || album != null || genre != null || tag != null || yearFrom != null
                    || yearTo != null;
        }
    }
}
