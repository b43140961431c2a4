package dev.encore.support;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

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
        Path file = dir.resolve("tone.mp3");
        Process process = new ProcessBuilder(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi",
                "-i", "sine=frequency=440:duration=3", "-metadata", "title=" + title, "-c:a", "libmp3lame", "-b:a", "96k",
                file.toString())).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException("ffmpeg failed: " + output);
        }
        return file;
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
