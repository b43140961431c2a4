package dev.encore.delivery.stream;

import java.util.regex.Pattern;

import dev.encore.delivery.file.DeliverableCatalog;
import dev.encore.delivery.file.FileStreamer;

/**
 * The name of a video's processed file as the library stores it, made from a request's path only
 * through these factories: each checks its parts against a strict pattern before anything is looked
 * up, so no path, dot segment or other file name reaches the library. The media type and caching
 * come from the name, not from what was stored.
 *
 * @param name     the name among the video's files, e.g. {@code 720p/seg-00001.m4s}
 * @param mimeType what it is served as
 * @param playlist whether it is a playlist or index (never cached) rather than media (immutable
 *                 under its signed URL)
 */
record VideoFileName(String name, String mimeType, boolean playlist) {

    static final String PLAYLIST_TYPE = "application/vnd.apple.mpegurl";
    static final String VTT_TYPE = "text/vtt;charset=UTF-8";
    static final String NO_STORE = "no-store";
    static final String IMMUTABLE = "private, max-age=31536000, immutable";

    private static final Pattern RENDITION = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");
    private static final Pattern HLS_FILE = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}\\.(m3u8|mp4|m4s)");
    private static final Pattern SPRITE = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}\\.jpg");

    static VideoFileName master() {
        return new VideoFileName("master.m3u8", PLAYLIST_TYPE, true);
    }

    /**
     * A variant playlist, init segment or media segment of one rendition.
     *
     * @throws DeliverableCatalog.NotFound when either part is not a possible name (404)
     */
    static VideoFileName hls(String rendition, String file) {
        require(RENDITION, rendition);
        require(HLS_FILE, file);
        boolean playlist = file.endsWith(".m3u8");
        return new VideoFileName(rendition + "/" + file, playlist ? PLAYLIST_TYPE : "video/mp4", playlist);
    }

    static VideoFileName poster() {
        return new VideoFileName("poster.webp", "image/webp", false);
    }

    static VideoFileName thumbnail() {
        return new VideoFileName("thumbnail.webp", "image/webp", false);
    }

    static VideoFileName storyboard() {
        return new VideoFileName("storyboard.vtt", VTT_TYPE, true);
    }

    /**
     * A storyboard sprite sheet.
     *
     * @throws DeliverableCatalog.NotFound when it is not a possible name (404)
     */
    static VideoFileName sprite(String sprite) {
        require(SPRITE, sprite);
        return new VideoFileName("storyboard/" + sprite, "image/jpeg", false);
    }

    /**
     * How the answer may be cached: playlists never (the URLs they lead to are signed for a while);
     * media forever under a signed URL, which names one video's bytes for one viewer; through the
     * API, whose URLs stay the same, checked each time.
     */
    String cacheControl(boolean signed) {
        return playlist ? NO_STORE : signed ? IMMUTABLE : FileStreamer.REVALIDATE;
    }

    /** The last segment, for Content-Disposition. */
    String filename() {
        return name.substring(name.lastIndexOf('/') + 1);
    }

    private static void require(Pattern pattern, String part) {
        if (part == null || !pattern.matcher(part).matches()) {
            throw new DeliverableCatalog.NotFound();
        }
    }
}
