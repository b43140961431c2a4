package dev.encore.support;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real ffmpeg and yt-dlp for media tests. Where a tool is missing the test is skipped with a
 * clear message, except under CI ({@code CI=true}), where that is a failure.
 */
public final class MediaTools {

    private MediaTools() {
    }

    /** Skips (or, under CI, fails) the calling test unless every named tool runs. */
    public static void require(String... tools) {
        for (String tool : tools) {
            if (!runs(tool)) {
                String message = tool + " is not installed; media tests need it (apt-get install ffmpeg yt-dlp)";
                if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                    fail(message);
                }
                Assumptions.abort(message);
            }
        }
    }

    /** Generates a 3-second 440 Hz tone as MP3 with a title tag. */
    public static Path tone(Path dir, String title) throws IOException, InterruptedException {
        return tone(dir.resolve("tone.mp3"), title, 440, 3);
    }

    /** Generates a tone of {@code frequency} Hz and {@code seconds} as MP3 with title and artist tags. */
    public static Path tone(Path file, String title, int frequency, int seconds) throws IOException, InterruptedException {
        return tone(file, title, frequency, seconds, false);
    }

    /** Like {@link #tone(Path, String, int, int)}, with a red 64×64 cover picture when {@code cover}. */
    public static Path tone(Path file, String title, int frequency, int seconds, boolean cover)
            throws IOException, InterruptedException {
        return tone(file, title, frequency, seconds, cover ? "color=c=red:s=64x64:d=1" : null);
    }

    /**
     * Like {@link #tone(Path, String, int, int)}, with a cover picture drawn by the lavfi video source
     * {@code cover} (e.g. {@code "gradients=s=256x256:c0=0x7f5af0:c1=0x2cb1bc"}), or none when null.
     */
    public static Path tone(Path file, String title, int frequency, int seconds, String cover)
            throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-y",
                "-f", "lavfi", "-i", "sine=frequency=" + frequency + ":duration=" + seconds));
        if (cover != null) {
            command.addAll(List.of("-f", "lavfi", "-i", cover, "-map", "0:a", "-map", "1:v",
                    "-frames:v", "1", "-c:v", "mjpeg", "-disposition:v:0", "attached_pic", "-id3v2_version", "3"));
        }
        command.addAll(List.of("-metadata", "title=" + title, "-metadata", "artist=Encore Test", "-c:a", "libmp3lame",
                "-b:a", "96k", file.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException("ffmpeg failed: " + output);
        }
        return file;
    }

    /**
     * Generates a tone of {@code seconds} with {@code channels} channels (1 mono, 2 stereo) as MP3 at
     * 128 kbit/s with a title tag: a new title gives new bytes.
     */
    public static Path channelTone(Path file, String title, int seconds, int channels)
            throws IOException, InterruptedException {
        run(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i",
                "sine=frequency=440:duration=" + seconds, "-ac", Integer.toString(channels), "-metadata",
                "title=" + title, "-c:a", "libmp3lame", "-b:a", "128k", file.toString()));
        return file;
    }

    /** The channels of the first audio stream. */
    public static int audioChannels(JsonNode probe) {
        return probe.path("streams").valueStream()
                .filter(stream -> stream.path("codec_type").asString().equals("audio")).findFirst().orElseThrow()
                .path("channels").asInt();
    }

    /** Generates a small test-pattern video of {@code seconds} with a tone, as MP4 (H.264 + AAC). */
    public static Path video(Path file, int seconds) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-f",
                "lavfi", "-i", "testsrc=size=160x120:rate=10:duration=" + seconds, "-f", "lavfi", "-i",
                "sine=frequency=330:duration=" + seconds, "-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac",
                "-shortest", file.toString())).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException("ffmpeg failed: " + output);
        }
        return file;
    }

    /**
     * Generates a moving test pattern of {@code width}x{@code height} at 30 frames per second for
     * {@code seconds}, fading in from black over its first second, as MP4 (H.264, plus an AAC tone
     * when {@code audio}); {@code rotation} (0, 90, 180, 270) is stored as the display rotation, as
     * phones do for portrait recordings.
     */
    public static Path testPattern(Path file, int width, int height, int seconds, boolean audio, int rotation)
            throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-y",
                "-f", "lavfi", "-i", "testsrc2=size=" + width + "x" + height + ":rate=30:duration=" + seconds));
        if (audio) {
            command.addAll(List.of("-f", "lavfi", "-i", "sine=frequency=440:duration=" + seconds, "-c:a", "aac"));
        }
        command.addAll(List.of("-vf", "fade=t=in:st=0:d=1", "-c:v", "libx264", "-preset", "ultrafast",
                "-pix_fmt", "yuv420p"));
        Path encoded = rotation == 0 ? file : file.resolveSibling("unrotated-" + file.getFileName());
        command.add(encoded.toString());
        run(command);
        if (rotation != 0) { // ffmpeg keeps a rotate tag only when copying, not when encoding
            run(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-i", encoded.toString(), "-c", "copy",
                    "-metadata:s:v:0", "rotate=" + rotation, file.toString()));
            java.nio.file.Files.delete(encoded);
        }
        return file;
    }

    /**
     * Generates a moving test pattern of {@code width}x{@code height} at 25 frames per second with a tone,
     * compressed hard (a 10-second 360p clip is about half a megabyte), as MP4 (H.264 + AAC): for players.
     */
    public static Path video(Path file, int seconds, int width, int height) throws IOException, InterruptedException {
        run(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i",
                "testsrc2=size=" + width + "x" + height + ":rate=25:duration=" + seconds, "-f", "lavfi", "-i",
                "sine=frequency=330:duration=" + seconds, "-c:v", "libx264", "-preset", "veryfast", "-crf", "30",
                "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "64k", "-shortest", file.toString()));
        return file;
    }

    /**
     * Generates an HLS rendition of a {@code seconds} tone into {@code dir}: a VOD media playlist
     * {@code play.m3u8} naming AAC segments of {@code segmentSeconds} each by relative URLs, as
     * MPEG-TS ({@code seg0.ts}, {@code seg1.ts}, ...) or, with {@code fragmentedMp4}, as fragmented
     * MP4 ({@code seg0.m4s}, ... after the {@code init.mp4} that {@code EXT-X-MAP} names).
     */
    public static Path hls(Path dir, int seconds, int segmentSeconds, boolean fragmentedMp4)
            throws IOException, InterruptedException {
        run(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i",
                "sine=frequency=660:duration=" + seconds, "-c:a", "aac", "-b:a", "96k", "-f", "hls",
                "-hls_time", Integer.toString(segmentSeconds), "-hls_playlist_type", "vod",
                "-hls_segment_type", fragmentedMp4 ? "fmp4" : "mpegts", "-hls_segment_filename",
                dir.resolve(fragmentedMp4 ? "seg%d.m4s" : "seg%d.ts").toString(), dir.resolve("play.m3u8").toString()));
        return dir.resolve("play.m3u8");
    }

    /** Runs a media tool, failing with its output when it fails. */
    public static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException("ffmpeg failed: " + output);
        }
    }

    /** ffprobe's JSON view (format and streams) of {@code file}. */
    public static JsonNode probe(Path file) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of("ffprobe", "-v", "error", "-print_format", "json", "-show_format",
                "-show_streams", file.toString())).start();
        String json = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("ffprobe failed on " + file);
        }
        return JsonMapper.builder().build().readTree(json);
    }

    /** The codec of the first audio stream. */
    public static String audioCodec(JsonNode probe) {
        return probe.path("streams").valueStream()
                .filter(stream -> stream.path("codec_type").asString().equals("audio")).findFirst().orElseThrow()
                .path("codec_name").asString();
    }

    /** A tag from the container or any stream, ignoring the key's case (Vorbis comments are upper-case). */
    public static String tag(JsonNode probe, String key) {
        List<JsonNode> holders = new java.util.ArrayList<>();
        holders.add(probe.path("format").path("tags"));
        probe.path("streams").valueStream().forEach(stream -> holders.add(stream.path("tags")));
        for (JsonNode tags : holders) {
            for (var entry : tags.properties()) {
                if (entry.getKey().equalsIgnoreCase(key)) {
                    return entry.getValue().asString();
                }
            }
        }
        return null;
    }

    private static boolean runs(String tool) {
        try {
            Process process = new ProcessBuilder(tool, tool.startsWith("ff") ? "-version" : "--version")
                    .redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        }
        catch (IOException | InterruptedException ex) {
            return false;
        }
    }
}
