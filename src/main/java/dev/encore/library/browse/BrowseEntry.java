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

    /** An entry read from the grouping: {@code coverTrack} is a track id with a cover, or null. */
    static BrowseEntry of(String name, String artist, long trackCount, String coverTrack) {
        return new BrowseEntry(name, artist, trackCount, cover(coverTrack));
    }

    private static String cover(String track) {
        return track == null ? null : "/api/v1/tracks/" + track + "/cover";
    }
}
