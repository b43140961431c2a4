package dev.encore.media;

/**
 * What ffprobe says about a video file.
 *
 * @param width      display width in pixels, rotation applied (a portrait phone video is 1080 wide)
 * @param height     display height in pixels, rotation applied (1920 for that phone video)
 * @param frameRate  average frames per second
 * @param videoCodec codec of the video stream, as ffprobe names it ({@code h264}, {@code hevc}, …)
 * @param audioCodec codec of the first audio stream, or null when the video has no sound
 * @param durationMs duration in milliseconds
 */
public record VideoSource(int width, int height, double frameRate, String videoCodec, String audioCodec,
        long durationMs) {

    /** Whether the video has a sound track. */
    public boolean hasAudio() {
        return audioCodec != null;
    }

    /** The short side of the picture, the size a ladder step is measured by. */
    public int shortSide() {
        return Math.min(width, height);
    }
}
