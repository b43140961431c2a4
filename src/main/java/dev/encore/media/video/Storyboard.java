package dev.encore.media.video;

import java.time.Duration;
import java.util.Locale;

/**
 * The storyboard of one video: a small frame every {@code interval} (taken by ffmpeg during the
 * ladder's run, one JPEG each), tiled into JPEG sprite sheets of at most 10x10, and the WebVTT
 * file that maps each time range to its tile ({@code storyboard/sprite-000.jpg#xywh=x,y,w,h}).
 *
 * @param intervalMs  time between two frames
 * @param frames      frames in the storyboard (as planned from the duration; the frames ffmpeg made
 *                    count in the end)
 * @param columns     tiles across one sheet
 * @param rows        tiles down one sheet
 * @param tileWidth   width of one tile
 * @param tileHeight  height of one tile
 */
public record Storyboard(long intervalMs, int frames, int columns, int rows, int tileWidth, int tileHeight) {

    static final int MAX_FRAMES = 200;
    static final int TILE_WIDTH = 160;
    static final int MAX_GRID = 10;
    public static final String VTT = "storyboard.vtt";
    public static final String DIRECTORY = "storyboard";
    /** The single frames ffmpeg writes, numbered from 0, before they are tiled. */
    static final String FRAMES = DIRECTORY + "/frame-%05d.jpg";

    /** Frames every {@code interval}, made longer so that a long video gets at most about 200. */
    public static Storyboard plan(long durationMs, int width, int height, Duration interval) {
        long intervalMs = Math.max(interval.toMillis(), ceilDiv(durationMs, MAX_FRAMES * 1000L) * 1000);
        // the last frame picked is the first at or after (frames-1)*interval, so it exists only if the
        // video runs past that point by more than a frame or so
        int frames = (int) Math.max(1, ceilDiv(Math.max(0, durationMs - 50), intervalMs));
        int columns = Math.min(MAX_GRID, frames);
        int rows = (int) Math.min(MAX_GRID, ceilDiv(frames, columns));
        int tileWidth = Math.min(TILE_WIDTH, Ladder.even(width));
        int tileHeight = Math.max(2, Ladder.even((double) tileWidth * height / width));
        return new Storyboard(intervalMs, frames, columns, rows, tileWidth, tileHeight);
    }

    /** The sprite sheet file name of sheet {@code index}, e.g. {@code storyboard/sprite-000.jpg}. */
    public static String sheet(int index) {
        return DIRECTORY + "/sprite-" + String.format(Locale.ROOT, "%03d", index) + ".jpg";
    }

    /** Number of sprite sheets. */
    public int sheets() {
        return (int) ceilDiv(frames, columns * rows);
    }

    /** The ffmpeg filter taking the first frame at or after every interval, scaled to a tile. */
    public String filter() {
        return "select='gte(t\\," + seconds(intervalMs) + "*selected_n)',scale=" + tileWidth + ":" + tileHeight
                + ",setsar=1";
    }

    /** The same storyboard with {@code made} frames. */
    Storyboard withFrames(int made) {
        return new Storyboard(intervalMs, made, columns, rows, tileWidth, tileHeight);
    }

    /** Tiles on one sheet. */
    int perSheet() {
        return columns * rows;
    }

    /** The WebVTT file: one cue per frame, together covering 0 to {@code durationMs}. */
    public String vtt(long durationMs) {
        StringBuilder vtt = new StringBuilder("WEBVTT\n");
        int perSheet = columns * rows;
        for (int frame = 0; frame < frames; frame++) {
            long start = frame * intervalMs;
            long end = frame == frames - 1 ? Math.max(durationMs, start + 1) : (frame + 1) * intervalMs;
            int onSheet = frame % perSheet;
            int x = onSheet % columns * tileWidth;
            int y = onSheet / columns * tileHeight;
            vtt.append('\n').append(timestamp(start)).append(" --> ").append(timestamp(end)).append('\n')
                    .append(sheet(frame / perSheet)).append("#xywh=").append(x).append(',').append(y).append(',')
                    .append(tileWidth).append(',').append(tileHeight).append('\n');
        }
        return vtt.toString();
    }

    static String timestamp(long ms) {
        return String.format(Locale.ROOT, "%02d:%02d:%02d.%03d", ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60,
                ms % 1000);
    }

    static String seconds(long ms) {
        return String.format(Locale.ROOT, "%.3f", ms / 1000.0);
    }

    private static long ceilDiv(long a, long b) {
        return Math.ceilDiv(a, b);
    }
}
