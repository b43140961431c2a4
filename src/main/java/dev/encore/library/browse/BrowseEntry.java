package dev.encore.library.browse;

/**
 * One artist, album or genre of the library, with how many tracks the viewer may list have it.
 *
 * @param name       the artist, album or genre
 * @param artist     the album's artist (albums only)
 * @param trackCount tracks
 */
public record BrowseEntry(String name, String artist, long trackCount) {

    /** For artists and genres (JPQL constructor expression). */
    public BrowseEntry(String name, long trackCount) {
        this(name, null, trackCount);
    }
}
