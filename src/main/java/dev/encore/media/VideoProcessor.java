package dev.encore.media;

import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a video file into what players need: an HLS ladder of H.264/AAC renditions in fMP4
 * (CMAF) segments with a master playlist, an audio-only rendition, a poster, a thumbnail and a
 * storyboard for seek-bar previews, in one ffmpeg run ({@code encore.video.*}).
 */
@Component
public class VideoProcessor {

    private final ProcessRunner processes;
    private final MediaProperties media;
    private final VideoProperties video;
    private final JsonMapper json;

    VideoProcessor(ProcessRunner processes, MediaProperties media, VideoProperties video, JsonMapper json) {
        this.processes = processes;
        this.media = media;
        this.video = video;
        this.json = json;
    }

    /**
     * Reads a video file with ffprobe.
     *
     * @return its display size (rotation applied: a portrait phone video is e.g. 1080x1920),
     *         frame rate, codecs and duration
     * @throws NotAVideoException when there is no real video stream: sound only, only a cover
     *                            picture, or a file ffprobe cannot read
     */
    public VideoSource inspect(Path source) throws InterruptedException {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Makes the HLS ladder, {@code master.m3u8}, {@code poster.webp}, {@code thumbnail.webp},
     * {@code storyboard.vtt} and the storyboard sprites into {@code outDir} (an empty staging
     * directory), decoding the source once.
     *
     * @param source    the video file
     * @param info      what {@link #inspect} said about it
     * @param outDir    an empty directory for the output
     * @param progress  gets the progress in percent, 0 to 100, never decreasing
     * @param cancelled checked a few times a second; when it turns true ffmpeg is killed
     * @return the renditions and every file made
     * @throws java.util.concurrent.CancellationException when cancelled
     * @throws VideoProcessingException when it fails or takes longer than {@code encore.video.job-timeout};
     *                                  the reason is in plain words
     */
    public VideoOutput process(Path source, VideoSource info, Path outDir, IntConsumer progress,
            BooleanSupplier cancelled) throws InterruptedException {
        throw new UnsupportedOperationException("not yet");
    }
}
