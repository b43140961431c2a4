package dev.encore.library.media;

import dev.encore.media.MediaProbe;

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

    public static MediaInfo of(MediaProbe.Probe found) {
        return new MediaInfo(found.durationMs().orElse(null), found.tag("title"), found.tag("artist"),
                found.tag("album"), found.tag("genre"), year(found.tag("date")), found.codec().orElse(null),
                found.bitRate().orElse(null), trackNumber(found.tag("track")));
    }

    private static Integer year(String date) {
        return date != null && date.matches("\\d{4}.*") ? Integer.valueOf(date.substring(0, 4)) : null;
    }

    /** {@code 3} or {@code 3/12} → 3. */
    private static Integer trackNumber(String track) {
        return track != null && track.matches("\\d{1,6}(/\\d*)?") ? Integer.valueOf(track.split("/")[0]) : null;
    }
}
