package dev.encore.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import dev.encore.media.video.HlsPlaylists;
import dev.encore.media.video.Ladder;
import dev.encore.media.video.PosterCommand;
import dev.encore.media.video.Storyboard;
import dev.encore.media.video.VideoCommand;
import dev.encore.media.video.VideoInspection;
import dev.encore.media.video.VideoOutputs;

/**
 * Turns a video file into what players need: an HLS ladder of H.264/AAC renditions in fMP4
 * (CMAF) segments with a master playlist, an audio-only rendition, a poster, a thumbnail and a
 * storyboard for seek-bar previews, decoding the source once for the ladder
 * ({@code encore.video.*}).
 */
@Component
public class VideoProcessor {

    private static final Logger log = LoggerFactory.getLogger(VideoProcessor.class);

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
     * Reads a video file with ffprobe (local files only).
     *
     * @return its display size (rotation applied: a portrait phone video is e.g. 1080x1920),
     *         frame rate, codecs and duration
     * @throws NotAVideoException when there is no real video stream: sound only, only a cover
     *                            picture, or a file ffprobe cannot read
     */
    public VideoSource inspect(Path source) throws InterruptedException {
        StringBuilder output = new StringBuilder();
        ProcessRunner.Result result = processes.run(new ProcessRunner.Spec(List.of(media.ffprobePath().toString(),
                "-v", "error", "-protocol_whitelist", "file", "-print_format", "json", "-show_format", "-show_streams",
                source.toAbsolutePath().toString()), source.toAbsolutePath().getParent(), media.probeTimeout(), Map.of()),
                output::append);
        if (!result.succeeded()) {
            log.info("ffprobe could not read a video (exit {}{}): {}", result.exitCode(),
                    result.timedOut() ? ", timed out" : "", result.stderrTail());
            throw NotAVideoException.unreadable();
        }
        try {
            return VideoInspection.read(json.readTree(output.toString()));
        }
        catch (JacksonException ex) {
            throw NotAVideoException.unreadable();
        }
    }

    /**
     * Makes the HLS ladder, {@code master.m3u8}, {@code poster.webp}, {@code thumbnail.webp},
     * {@code storyboard.vtt} and the storyboard sprites into {@code outDir} (an empty staging
     * directory): one ffmpeg run decodes the source once for the whole ladder and the storyboard;
     * a short run before it picks the poster frame, mostly from keyframes alone.
     *
     * @param source    the video file
     * @param info      what {@link #inspect} said about it
     * @param outDir    an empty directory for the output
     * @param progress  gets the progress in percent, 0 to 100, never decreasing; 100 only when
     *                  everything is written
     * @param cancelled checked a few times a second; when it turns true ffmpeg is killed
     * @return the renditions and every file made
     * @throws java.util.concurrent.CancellationException when cancelled
     * @throws VideoProcessingException when it fails or takes longer than {@code encore.video.job-timeout};
     *                                  the reason is in plain words
     */
    public VideoOutput process(Path source, VideoSource info, Path outDir, IntConsumer progress,
            BooleanSupplier cancelled) throws InterruptedException {
        double segmentSeconds = video.segmentLength().toMillis() / 1000.0;
        Ladder ladder = Ladder.of(info, video.ladder(), segmentSeconds);
        Storyboard storyboard = Storyboard.plan(info.durationMs(), info.width(), info.height(),
                video.storyboardInterval());
        VideoCommand command = new VideoCommand(ladder, storyboard, info.hasAudio());
        Path dir = outDir.toAbsolutePath();
        try {
            Files.createDirectories(dir.resolve(Storyboard.DIRECTORY));
        }
        catch (IOException ex) {
            throw new VideoProcessingException(true, "The server could not write the processed video");
        }
        AtomicInteger percent = new AtomicInteger(-1);
        report(progress, percent, 0);
        long deadline = System.nanoTime() + video.jobTimeout().toNanos();
        String ffmpeg = media.ffmpegPath().toString();
        Path file = source.toAbsolutePath();
        PosterCommand poster = new PosterCommand(info);
        run("poster", poster.arguments(ffmpeg, file, true, video.ffmpegThreads()), dir, deadline, cancelled, line -> { });
        if (!Files.isRegularFile(dir.resolve(PosterCommand.POSTER))) { // no keyframe in the window: every frame
            run("poster", poster.arguments(ffmpeg, file, false, video.ffmpegThreads()), dir, deadline, cancelled, line -> { });
        }
        long total = Math.max(1, info.durationMs() * 1000);
        run("ladder", command.arguments(ffmpeg, file, info, segmentSeconds, video.ffmpegThreads()), dir, deadline, cancelled,
                line -> {
                    long micros = Ffmpeg.progressMicros(line);
                    if (micros >= 0) {
                        report(progress, percent, (int) Math.min(99, micros * 100 / total));
                    }
                });
        try {
            VideoOutput output = VideoOutputs.collect(dir, command, segmentSeconds, info.durationMs());
            report(progress, percent, 100);
            return output;
        }
        catch (IOException | RuntimeException ex) {
            log.warn("Video processing left incomplete output in {}", dir, ex);
            throw new VideoProcessingException(false, "The video could not be converted: parts of it are missing");
        }
    }

    /** Runs one ffmpeg command in {@code dir}, within what is left of the job's time. */
    private void run(String what, List<String> arguments, Path dir, long deadline, BooleanSupplier cancelled,
            Consumer<String> stdout) throws InterruptedException {
        long started = System.nanoTime();
        Duration left = Duration.ofNanos(Math.max(0, deadline - started));
        ProcessRunner.Result result;
        try {
            result = processes.run(new ProcessRunner.Spec(arguments, dir, left, Map.of()), stdout, cancelled);
        }
        catch (UncheckedIOException ex) {
            log.warn("ffmpeg could not be started for video processing", ex);
            throw new VideoProcessingException(true, "The video converter (ffmpeg) could not be started on the server");
        }
        if (result.timedOut()) {
            log.warn("Video processing passed encore.video.job-timeout ({}); ffmpeg said: {}", video.jobTimeout(),
                    result.stderrTail());
            throw new VideoProcessingException(false, "Processing the video took too long (the limit is "
                    + readable(video.jobTimeout()) + ")");
        }
        if (!result.succeeded()) {
            log.warn("ffmpeg failed on a video (exit {}): {}", result.exitCode(), String.join(" | ", result.stderrTail()));
            throw failure(result.stderrTail());
        }
        log.info("ffmpeg made a video's {} in {} ms", what, (System.nanoTime() - started) / 1_000_000);
    }

    /** The reason in plain words; the tool's own words only go to the log. */
    private static VideoProcessingException failure(List<String> stderr) {
        String text = String.join("\n", stderr).toLowerCase(java.util.Locale.ROOT);
        if (text.contains("no space left")) {
            return new VideoProcessingException(true, "The server ran out of disk space while processing the video");
        }
        if (text.contains("cannot allocate memory") || text.contains("out of memory")) {
            return new VideoProcessingException(true, "The server ran out of memory while processing the video");
        }
        return new VideoProcessingException(false,
                "The video could not be converted: its picture or sound could not be decoded");
    }

    /** {@code 2 hours}, {@code 45 minutes}, {@code 30 seconds}. */
    static String readable(Duration duration) {
        if (duration.toMinutes() >= 120 && duration.toMinutesPart() == 0) {
            return duration.toHours() + " hours";
        }
        if (duration.toMinutes() >= 2) {
            return duration.toMinutes() + " minutes";
        }
        long seconds = Math.max(1, duration.toSeconds());
        return seconds == 1 ? "1 second" : seconds + " seconds";
    }

    private static void report(IntConsumer progress, AtomicInteger percent, int value) {
        int before = percent.getAndAccumulate(value, Math::max);
        if (value > before) {
            progress.accept(value);
        }
    }
}
