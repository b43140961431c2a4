package dev.encore.library.media;

import dev.encore.media.MediaProbe;
import dev.encore.platform.PlainText;

/**
 * What ffprobe says about an uploaded audio or video file.
 *
 * @param durationMs  duration, if known
 * @param title       title tag
 * @param artist      artist tag
 * @param album       album tag
 * @param genre       genre tag
 * @param year        year from the date tag, if it is one
 * @param codec       codec of the (first) audio stream, else of the first stream
 * @param bitRate     overall bit rate, bits per second
 * @param trackNumber track number from the track tag ({@code 3} or {@code 3/12})
 */
public record MediaInfo(Long durationMs, String title, String artist, String album, String genre, Integer year,
        String codec, Long bitRate, Integer trackNumber) {

    public static final MediaInfo NONE = new MediaInfo(null, null, null, null, null, null, null, null, null);

    /**
     * What {@code found} says. A file's tags are anybody's text: their control characters (a CR LF in a
     * title) are cleaned away here, where they come in, so an odd tag never fails an upload nor becomes a
     * track's metadata that a request could not set.
     */
    public static MediaInfo of(MediaProbe.Probe found) {
        return new MediaInfo(found.durationMs().orElse(null), text(found, "title"), text(found, "artist"),
                text(found, "album"), text(found, "genre"), year(found.tag("date")), found.codec().orElse(null),
                found.bitRate().orElse(null), trackNumber(found.tag("track")));
    }

    private static String text(MediaProbe.Probe found, String tag) {
        return PlainText.Check.cleaned(found.tag(tag));
    }

    private static Integer year(String date) {
        return date != null && date.matches("\\d{4}.*") ? Integer.valueOf(date.substring(0, 4)) : null;
    }

    /** {@code 3} or {@code 3/12} → 3. */
    private static Integer trackNumber(String track) {
        return track != null && track.matches("\\d{1,6}(/\\d*)?") ? Integer.valueOf(track.split("/")[0]) : null;
    }
}
