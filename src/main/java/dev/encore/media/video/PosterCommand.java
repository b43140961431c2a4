package dev.encore.media.video;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.encore.media.VideoSource;

/**
 * The short ffmpeg run that picks the poster and thumbnail: the thumbnail filter compares frames
 * from the first third of the video (after its first second, where fades from black are) and
 * keeps the most representative one, written as a WebP poster (1280 wide, or the source's width)
 * and thumbnail (320 wide). It runs apart from the ladder because ffmpeg reports no progress until
 * every output has its first frame, and the thumbnail filter gives one only after comparing.
 * It first looks at the keyframes alone (nearly free: nothing else is decoded); a video with no
 * keyframe in that window is looked at again frame by frame.
 *
 * @param info the video
 */
public record PosterCommand(VideoSource info) {

    public static final String POSTER = "poster.webp";
    public static final String THUMBNAIL = "thumbnail.webp";
    static final int POSTER_WIDTH = 1280;
    static final int THUMBNAIL_WIDTH = 320;
    /** Frames the thumbnail filter compares at most. */
    static final int CANDIDATES = 60;

    /**
     * The arguments.
     *
     * @param ffmpeg    the executable
     * @param source    the video (absolute)
     * @param keyframes whether to decode the keyframes only
     * @param threads   {@code -threads} (0: ffmpeg decides)
     */
    public List<String> arguments(String ffmpeg, Path source, boolean keyframes, int threads) {
        double duration = info.durationMs() / 1000.0;
        double from = duration >= 3 ? 1 : 0;
        double to = Math.max(from + 1, duration / 3);
        List<String> args = new ArrayList<>(List.of(ffmpeg, "-hide_banner", "-nostdin", "-y", "-loglevel", "error"));
        if (threads > 0) {
            args.addAll(List.of("-threads", String.valueOf(threads)));
        }
        if (keyframes) {
            args.addAll(List.of("-skip_frame", "nokey"));
        }
        args.addAll(List.of("-protocol_whitelist", "file", "-t", VideoCommand.format(to + 0.1), "-i", source.toString(),
                "-filter_complex", "[0:v]" + select(from, to, keyframes) + ",split=2[p1][p2];[p1]"
                        + scaleTo(info, POSTER_WIDTH) + "[poster];[p2]" + scaleTo(info, THUMBNAIL_WIDTH) + "[thumbnail]",
                "-map", "[poster]", "-frames:v", "1", "-c:v", "libwebp", "-quality", "82", "-f", "image2", POSTER,
                "-map", "[thumbnail]", "-frames:v", "1", "-c:v", "libwebp", "-quality", "80", "-f", "image2",
                THUMBNAIL));
        return args;
    }

    /** The frames compared: every keyframe, or frames sampled evenly, in the window. */
    private String select(double from, double to, boolean keyframes) {
        String window = "between(t\\," + VideoCommand.format(from) + "\\," + VideoCommand.format(to) + ")";
        if (keyframes) {
            return "select='" + window + "',thumbnail=n=" + CANDIDATES;
        }
        double rate = info.frameRate() > 0 ? info.frameRate() : Ladder.DEFAULT_FRAME_RATE;
        double frames = (to - from) * rate;
        int every = (int) Math.max(1, Math.ceil(frames / CANDIDATES));
        int batch = (int) Math.max(1, Math.min(CANDIDATES, Math.ceil(frames / every) + 1));
        return "select='" + window + "*not(mod(n\\," + every + "))',thumbnail=n=" + batch;
    }

    /** Scales to {@code width} (or the source's own width when smaller), keeping the shape. */
    static String scaleTo(VideoSource info, int width) {
        int w = Math.min(Ladder.even(width), info.width() / 2 * 2);
        int h = Math.max(2, Ladder.even((double) w * info.height() / info.width()));
        return "scale=" + w + ":" + h + ",setsar=1";
    }
}
