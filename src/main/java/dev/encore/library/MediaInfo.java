package dev.encore.library;

/**
 * What ffprobe says about an uploaded audio or video file.
 *
 * @param durationMs duration, if known
 * @param title      title tag
 * @param artist     artist tag
 * @param album      album tag
 * @param genre      genre tag
 * @param year       year from the date tag, if it is one
 */
record MediaInfo(Long durationMs, String title, String artist, String album, String genre, Integer year) {

    static final MediaInfo NONE = new MediaInfo(null, null, null, null, null, null);
}
