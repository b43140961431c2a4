package dev.encore.delivery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import dev.encore.platform.BlobStore;
import dev.encore.platform.ProcessRunner;
import dev.encore.platform.Problems;

/**
 * Transcoded renditions of stored audio: made once with ffmpeg into a file (so that even the first
 * answer has an exact Content-Length and honours Range), kept in a bounded LRU cache, and shared:
 * concurrent requests for the same rendition wait for one transcode.
 */
@Component
class Renditions {

    private static final Logger log = LoggerFactory.getLogger(Renditions.class);

    private final BlobStore blobs;
    private final ProcessRunner processes;
    private final RenditionCache cache;
    private final StreamProperties properties;
    private final String ffmpeg;
    private final Counter transcodes;
    private final Map<String, CompletableFuture<Path>> inFlight = new ConcurrentHashMap<>();
    private final Semaphore running;
    private final ExecutorService transcoders = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("transcode-", 0).factory());

    Renditions(BlobStore blobs, ProcessRunner processes, StreamProperties properties,
            @Value("${encore.data-dir}") Path dataDir, @Value("${encore.ingest.ffmpeg-path:ffmpeg}") String ffmpeg,
            MeterRegistry meters, Clock clock) {
        this.blobs = blobs;
        this.processes = processes;
        this.properties = properties;
        this.ffmpeg = ffmpeg;
        this.running = new Semaphore(properties.maxConcurrentTranscodes() > 0 ? properties.maxConcurrentTranscodes()
                : Runtime.getRuntime().availableProcessors());
        this.cache = new RenditionCache(dataDir.resolve("renditions"), properties.renditionCacheSize().toBytes(),
                clock);
        this.transcodes = Counter.builder("encore.stream.transcodes")
                .description("Renditions transcoded (cache misses; shared requests count once)").register(meters);
    }

    /** The rendition of the blob {@code sha256} in {@code format} at {@code bitrate} kbit/s, made if needed. */
    Path of(String sha256, RenditionFormat format, int bitrate) {
        String name = sha256 + "-" + bitrate + "k." + format.extension();
        return cache.find(name).orElseGet(() -> {
            CompletableFuture<Path> shared = inFlight.computeIfAbsent(name, key -> CompletableFuture
                    .supplyAsync(() -> transcode(sha256, format, bitrate, name), transcoders));
            shared.whenComplete((path, failure) -> inFlight.remove(name, shared));
            try {
                return shared.join();
            }
            catch (CompletionException e) {
                throw e.getCause() instanceof ErrorResponseException problem ? problem : failed();
            }
        });
    }

    private Path transcode(String sha256, RenditionFormat format, int bitrate, String name) {
        Path source = blobs.find(sha256).orElseThrow(DeliverableCatalog.NotFound::new);
        Path scratch = null;
        try {
            scratch = cache.scratch(name);
            List<String> command = new ArrayList<>(List.of(ffmpeg, "-hide_banner", "-nostdin", "-loglevel", "error",
                    "-y", "-protocol_whitelist", "file", "-i", source.toString(), "-map", "0:a:0", "-vn", "-map_metadata", "0", "-b:a",
                    bitrate + "k"));
            command.addAll(format.encoder());
            command.add(scratch.toString());
            ProcessRunner.Result result;
            running.acquire(); // at most encore.stream.max-concurrent-transcodes ffmpegs at once
            try {
                transcodes.increment();
                result = processes.run(new ProcessRunner.Spec(command, scratch.getParent(),
                        properties.transcodeTimeout(), Map.of()), line -> { });
            }
            finally {
                running.release();
            }
            if (!result.succeeded() || Files.size(scratch) == 0) {
                log.warn("Transcoding {} to {} {}k failed (exit {}): {}", sha256, format.value(), bitrate,
                        result.exitCode(), String.join(" | ", result.stderrTail()));
                throw failed();
            }
            Path admitted = cache.admit(scratch, name);
            scratch = null;
            return admitted;
        }
        catch (IOException e) {
            log.warn("Transcoding {} failed", sha256, e);
            throw failed();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed();
        }
        finally {
            if (scratch != null) {
                try {
                    Files.deleteIfExists(scratch);
                }
                catch (IOException ignored) {
                    // the next transcode of this rendition writes a new scratch file
                }
            }
        }
    }

    private static ErrorResponseException failed() {
        return new ErrorResponseException(HttpStatus.INTERNAL_SERVER_ERROR, Problems.of(
                HttpStatus.INTERNAL_SERVER_ERROR, "transcode-failed", "Transcoding failed",
                "This track could not be converted to the requested format; the original still plays."), null);
    }

    @PreDestroy
    void stop() {
        transcoders.shutdownNow();
    }
}
