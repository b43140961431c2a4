package dev.encore.media.video;

import java.util.ArrayList;
import java.util.List;

import dev.encore.media.VideoSource;

/**
 * The renditions made of one video: each ladder step at or below the source's short side, sized
 * to keep the picture's shape with even dimensions; a source smaller than every step gets one
 * rendition at its own size.
 *
 * @param steps     the video renditions, largest first
 * @param frameRate the frame rate of every rendition (the source's, at most 60)
 * @param keyframes frames between two keyframes: one segment
 */
public record Ladder(List<Step> steps, double frameRate, int keyframes) {

    /** Frame rate assumed when the source does not say (variable-rate files). */
    static final double DEFAULT_FRAME_RATE = 30;
    static final double MAX_FRAME_RATE = 60;

    /**
     * One video rendition.
     *
     * @param name        its short side and {@code p}, e.g. {@code 720p}
     * @param width       picture width
     * @param height      picture height
     * @param maxrateKbps the encoder's peak bit rate
     */
    public record Step(String name, int width, int height, int maxrateKbps) {
    }

    /** The ladder for {@code source} from the configured short sides. */
    public static Ladder of(VideoSource source, List<Integer> shortSides, double segmentSeconds) {
        int shortSide = source.shortSide() / 2 * 2;
        List<Integer> sides = shortSides.stream().map(Ladder::even).filter(side -> side <= shortSide)
                .distinct().sorted((a, b) -> b - a).toList();
        if (sides.isEmpty()) {
            sides = List.of(Math.max(2, shortSide));
        }
        double frameRate = source.frameRate() > 0 ? Math.min(source.frameRate(), MAX_FRAME_RATE) : DEFAULT_FRAME_RATE;
        List<Step> steps = new ArrayList<>();
        boolean portrait = source.height() > source.width();
        double longPerShort = (double) Math.max(source.width(), source.height()) / Math.max(1, source.shortSide());
        for (int side : sides) {
            int longSide = Math.max(2, even(side * longPerShort));
            int width = portrait ? side : longSide;
            int height = portrait ? longSide : side;
            steps.add(new Step(side + "p", width, height, maxrateKbps(width, height, frameRate)));
        }
        int keyframes = Math.max(1, (int) Math.round(segmentSeconds * frameRate));
        return new Ladder(List.copyOf(steps), frameRate, keyframes);
    }

    /**
     * Peak bit rate for a picture size: 5 Mbit/s at 1080p, scaled by the pixel count to the power
     * 0.75 (2.7 Mbit/s at 720p, 1.5 at 480p, 0.96 at 360p, 0.53 at 240p), half as much again above
     * 40 frames per second.
     */
    static int maxrateKbps(int width, int height, double frameRate) {
        double kbps = 5000 * Math.pow(width * (double) height / (1920 * 1080), 0.75);
        if (frameRate > 40) {
            kbps *= 1.5;
        }
        return (int) Math.max(150, Math.round(kbps / 10) * 10);
    }

    /** Rounded to the nearest even number (H.264 with 4:2:0 chroma needs even sizes). */
    static int even(double size) {
        return (int) Math.round(size / 2) * 2;
    }
}
