package dev.encore.media;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;


/**
 * The versions of yt-dlp, ffmpeg and ffprobe on this node, checked about once a minute. Without
 * them imports cannot run, so new ones are refused (503) while the rest of Encore serves.
 */
@Component
public class MediaTools implements InitializingBean {

    private static final Duration RECHECK = Duration.ofMinutes(1);

    private final ProcessRunner processes;
    private final MediaProperties properties;
    private final Clock clock;
    private final AtomicReference<Snapshot> last = new AtomicReference<>();
    private final AtomicBoolean checking = new AtomicBoolean();
    private volatile CompletableFuture<Snapshot> firstCheck;

    MediaTools(ProcessRunner processes, MediaProperties properties, Clock clock) {
        this.processes = processes;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Tool versions by name; a missing tool has no entry.
     *
     * @param versions  {@code yt-dlp}, {@code ffmpeg}, {@code ffprobe} → version
     * @param checkedAt when they were read
     */
    public record Snapshot(Map<String, String> versions, Instant checkedAt) {

        public boolean complete() {
            return versions.size() == 3;
        }
    }

    /**
     * Takes the first reading in the background while the rest of Encore starts: starting yt-dlp
     * (a Python program) and the two ffmpeg tools took 0.5–1 s on a 2-core box, which the first
     * {@code /readyz} used to wait for.
     */
    @Override
    public void afterPropertiesSet() {
        firstCheck = CompletableFuture.supplyAsync(this::check,
                task -> Thread.ofVirtual().name("media-tools-check").start(task));
    }

    /**
     * The last reading. The first waits for the reading started with Encore (or takes one when there
     * is none); later ones are taken in the background once the last is a minute old, so no request
     * (an import's admission) waits for three tools to start.
     */
    public Snapshot versions() {
        Snapshot snapshot = last.get();
        if (snapshot == null) {
            CompletableFuture<Snapshot> starting = firstCheck;
            return starting != null ? starting.exceptionally(failed -> check()).join() : check();
        }
        if (snapshot.checkedAt().isBefore(clock.instant().minus(RECHECK)) && checking.compareAndSet(false, true)) {
            Thread.ofVirtual().name("media-tools-check").start(() -> {
                try {
                    check();
                }
                finally {
                    checking.set(false);
                }
            });
        }
        return snapshot;
    }

    private Snapshot check() {
        Map<String, String> versions = new LinkedHashMap<>();
        version(properties.ytdlpPath(), "--version").ifPresent(version -> versions.put("yt-dlp", version));
        version(properties.ffmpegPath(), "-version").ifPresent(version -> versions.put("ffmpeg", version));
        version(properties.ffprobePath(), "-version").ifPresent(version -> versions.put("ffprobe", version));
        Snapshot snapshot = new Snapshot(Map.copyOf(versions), clock.instant());
        last.set(snapshot);
        return snapshot;
    }

    private Optional<String> version(Path executable, String flag) {
        AtomicReference<String> first = new AtomicReference<>();
        try {
            ProcessRunner.Result result = processes.run(new ProcessRunner.Spec(List.of(executable.toString(), flag),
                    Path.of(System.getProperty("java.io.tmpdir")), Duration.ofSeconds(20), Map.of()), line -> {
                        if (first.get() == null && !line.isBlank()) {
                            first.set(line.trim());
                        }
                    });
            if (!result.succeeded() || first.get() == null) {
                return Optional.empty();
            }
        }
        catch (UncheckedIOException notInstalled) {
            return Optional.empty();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        // "ffmpeg version 5.1.6-0+deb12u1 Copyright ..." → "5.1.6-0+deb12u1"; yt-dlp prints just the version
        String line = first.get();
        return Optional.of(line.startsWith("ff") && line.contains(" version ")
                ? line.split(" ")[2] : line);
    }
}
