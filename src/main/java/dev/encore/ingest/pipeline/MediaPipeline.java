package dev.encore.ingest.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import dev.encore.ingest.SourceMetadata;
import dev.encore.ingest.config.IngestProperties;
import dev.encore.ingest.imports.AudioFormat;
import dev.encore.ingest.imports.ImportError;
import dev.encore.ingest.source.EgressGuard;
import dev.encore.ingest.source.ImportFailure;
import dev.encore.ingest.source.SourceResolver;
import dev.encore.ingest.source.ToolFailures;
import dev.encore.ingest.source.YtDlpRunOptions;
import dev.encore.media.Ffmpeg;
import dev.encore.media.MediaProbe;
import dev.encore.media.ProcessRunner;
import dev.encore.media.YtDlp;

/**
 * Fetches one media item with yt-dlp (through the egress guard) and converts it with ffmpeg, all
 * inside one job-private staging directory. Returns the converted file, still in staging; the
 * caller moves it into the blob store.
 */
@Component
public class MediaPipeline {

    private static final Logger log = LoggerFactory.getLogger(MediaPipeline.class);
    private static final List<String> THUMBNAIL_EXTENSIONS = List.of(".jpg", ".jpeg", ".png", ".webp");

    private final YtDlp ytdlp;
    private final EgressGuard guard;
    private final ProcessRunner processes;
    private final IngestProperties properties;
    private final YtDlpRunOptions runOptions;
    private final AudioConversion conversion;
    private final MediaProbe probe;
    private final MeterRegistry meters;
    private final SourceResolver resolver;
    private final DirectMedia direct;

    MediaPipeline(YtDlp ytdlp, EgressGuard guard, ProcessRunner processes, IngestProperties properties, YtDlpRunOptions runOptions,
            AudioConversion conversion, MediaProbe probe, MeterRegistry meters, SourceResolver resolver,
            DirectMedia direct) {
        this.resolver = resolver;
        this.direct = direct;
        this.ytdlp = ytdlp;
        this.guard = guard;
        this.processes = processes;
        this.properties = properties;
        this.runOptions = runOptions;
        this.conversion = conversion;
        this.probe = probe;
        this.meters = meters;
    }

    /**
     * The converted file and its duration.
     *
     * @param file       in the staging directory
     * @param durationMs measured by ffprobe, or by ffmpeg as it converted
     * @param title      the title it was tagged with
     */
    public record Produced(Path file, long durationMs, String title) {
    }

    /** Listens to a run: download fraction, then conversion fraction, each 0..1. */
    public interface Progress {
        void downloading(double fraction);

        void converting(double fraction);

        /** The tools printed something: the run is alive (even when no fraction is known). */
        default void alive() {
        }
    }

    /**
     * Fetches and converts {@code url}.
     *
     * @param known       what a look-up said about it, or null: then the download run itself
     *                    describes the source (and its answer is cached like a look-up's)
     * @param maybeDirect whether the link may be a direct media file, converted while downloading
     *                    ({@link DirectMedia}); yt-dlp fetches it when it is not
     */
    public Produced produce(String url, SourceMetadata known, boolean maybeDirect, AudioFormat format, Path staging,
            Progress progress, BooleanSupplier cancelled) throws InterruptedException {
        // cookies and extra options are yt-dlp's: a source that needs them is yt-dlp's to fetch
        if (maybeDirect && properties.cookiesFile() == null && properties.extraOptions().isEmpty()) {
            Optional<Produced> streamed = direct.convert(url, format, staging, progress, cancelled);
            if (streamed.isPresent()) {
                return streamed.get();
            }
        }
        Path source = download(url, staging, progress, cancelled, known == null);
        SourceMetadata metadata = known != null ? known : described(url, staging);
        MediaProbe.Probe sourceProbe = probe.probe(source);
        long sourceMs = sourceProbe.durationMs().orElse(metadata.durationSeconds() * 1000);
        if (sourceMs > properties.maxDuration().toMillis()) {
            throw new ImportFailure(ImportError.TOO_LONG, "source is " + sourceMs + " ms long");
        }
        Path target = staging.resolve("result." + format.extension());
        Map<String, String> tags = new LinkedHashMap<>();
        // a site extractor knows better than the file; the generic one only guesses from the URL
        boolean fileFirst = metadata.extractor() == null || "generic".equalsIgnoreCase(metadata.extractor());
        for (String key : List.of("title", "artist", "album")) {
            String fromSite = switch (key) {
                case "title" -> metadata.title();
                case "artist" -> metadata.artist();
                default -> metadata.album();
            };
            String fromFile = sourceProbe.tag(key);
            tags.put(key, fileFirst && fromFile != null ? fromFile : fromSite != null ? fromSite : fromFile);
        }
        // the site's thumbnail, else the cover the source file carries itself
        Path cover = thumbnail(staging).orElse(sourceProbe.hasCover() ? source : null);
        List<String> command = conversion.command(source, cover, target, format, tags);
        Timer.Sample sample = Timer.start(meters);
        ProcessRunner.Result result = processes.run(new ProcessRunner.Spec(command, staging, properties.timeout(),
                Map.of()), line -> {
                    progress.alive();
                    long micros = Ffmpeg.progressMicros(line);
                    if (micros >= 0 && sourceMs > 0) {
                        progress.converting(Math.min(1.0, micros / 1000.0 / sourceMs));
                    }
                }, cancelled);
        sample.stop(Timer.builder("encore.ingest.conversion.duration").description("ffmpeg conversion time")
                .tag("format", format.extension()).publishPercentileHistogram().register(meters));
        if (!result.succeeded() || !Files.isRegularFile(target)) {
            log.warn("ffmpeg failed to convert to {}: exit {}, timed out {}, stderr {}", format, result.exitCode(),
                    result.timedOut(), result.stderrTail());
            throw result.timedOut() ? new ImportFailure(ImportError.TIMEOUT, "conversion timed out")
                    : new ImportFailure(ImportError.CONVERSION_FAILED, "the download could not be converted to "
                            + format.extension() + " (it may hold no audio)", "conversion failed");
        }
        // the conversion keeps the source's duration: probed once, the result needs no second reading
        long durationMs = sourceProbe.durationMs().isPresent() ? sourceMs : probe.durationMs(target).orElse(sourceMs);
        return new Produced(target, durationMs, tags.get("title"));
    }

    /** The metadata the download run wrote, cached like a look-up's answer. */
    private SourceMetadata described(String url, Path staging) {
        Path info = staging.resolve(YtDlp.INFO_FILE);
        SourceMetadata metadata;
        try {
            metadata = Files.isRegularFile(info) ? resolver.describe(Files.readString(info))
                    : new SourceMetadata(null, null, null, null, null, 0, false, List.of());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        if (metadata.extractor() != null) {
            resolver.remember(url, metadata);
        }
        return metadata;
    }

    private Path download(String url, Path staging, Progress progress, BooleanSupplier cancelled, boolean describe)
            throws InterruptedException {
        Deque<String> stdout = new ArrayDeque<>();
        try (EgressGuard.Lease lease = guard.lease()) {
            List<String> command = runOptions.apply(ytdlp.download(url, staging, lease.proxyUrl(), describe), staging);
            ProcessRunner.Result result = processes.run(new ProcessRunner.Spec(command, staging, properties.timeout(),
                    Map.of()), line -> {
                        progress.alive();
                        YtDlp.progress(line).ifPresentOrElse(progress::downloading,
                                () -> SourceResolver.tail(stdout, line));
                    }, cancelled);
            Optional<Path> source = sourceFile(staging);
            if (!result.succeeded() || source.isEmpty()) {
                ToolFailures.Failure failure = ToolFailures.classify(result, List.copyOf(stdout),
                        !lease.refused().isEmpty());
                log.info("yt-dlp could not fetch a link ({}): exit {}, refused {}, stderr {}", failure.error().code(),
                        result.exitCode(), lease.refused(), result.stderrTail());
                throw failure.toException("download failed");
            }
            try {
                meters.counter("encore.ingest.fetched.bytes").increment(Files.size(source.get()));
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            return source.get();
        }
    }

    private static Optional<Path> sourceFile(Path staging) {
        try (Stream<Path> files = Files.list(staging)) {
            return files.filter(path -> path.getFileName().toString().startsWith("source.")
                    && THUMBNAIL_EXTENSIONS.stream().noneMatch(path.getFileName().toString()::endsWith)
                    && !path.getFileName().toString().endsWith(".json") && Files.isRegularFile(path)).findFirst();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static Optional<Path> thumbnail(Path staging) {
        try (Stream<Path> files = Files.list(staging)) {
            return files.filter(path -> path.getFileName().toString().startsWith("source.")
                    && THUMBNAIL_EXTENSIONS.stream().anyMatch(path.getFileName().toString()::endsWith)).findFirst();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
