package dev.encore.library.browse;

/**
 * One artist, album or genre of the library, with how many tracks the viewer may list have it.
 *
 * @param name       the artist, album or genre
 * @param artist     the album's artist (albums only)
 * @param trackCount tracks
 * @param coverUrl   the cover picture of one of its tracks that has one (albums and artists), or null
 */
public record BrowseEntry(String name, String artist, long trackCount, String coverUrl) {

    /** For genres (JPQL constructor expression). */
    public BrowseEntry(String name, long trackCount) {
        this(name, null, trackCount, null);
    }

    /** For artists (JPQL constructor expression): {@code coverTrack} is a track id with a cover, or null. */
    public BrowseEntry(String name, long trackCount, String coverTrack) {
        this(name, null, trackCount, cover(coverTrack));
    }

    /**
     * For albums (JPQL constructor expression): {@code coverTrack} is a track id with a cover, or null;
     * {@code fromQuery} only tells this constructor apart from the canonical one.
     */
    public BrowseEntry(String name, String artist, long trackCount, String coverTrack, boolean fromQuery) {
        this(name, artist, trackCount, cover(coverTrack));
    }

    private static String cover(String track) {
        return track == null ? null : "/api/v1/tracks/" + track + "/cover";
    }
}
