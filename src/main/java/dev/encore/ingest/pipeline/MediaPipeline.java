package dev.encore.ingest.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import dev.encore.ingest.SourceMetadata;
import dev.encore.ingest.config.IngestProperties;
import dev.encore.ingest.imports.AudioFormat;
import dev.encore.ingest.imports.ImportError;
import dev.encore.ingest.source.ImportFailure;
import dev.encore.ingest.source.SourceResolver;
import dev.encore.media.MediaProbe;
import dev.encore.media.YtDlp;

/**
 * Fetches one media item and converts it with ffmpeg, all inside one job-private staging
 * directory: a direct media link by Encore itself ({@link DirectMedia}), anything else by yt-dlp
 * through the egress guard, converted while it downloads ({@link PipedConversion}) or, when ffmpeg
 * cannot read the media as a stream, from the downloaded file. Returns the converted file, still in
 * staging; the caller moves it into the blob store.
 */
@Component
public class MediaPipeline {

    private static final List<String> THUMBNAIL_EXTENSIONS = List.of(".jpg", ".jpeg", ".png", ".webp");
    private static final List<String> TAGS = List.of("title", "artist", "album");

    private final IngestProperties properties;
    private final AudioConversion conversion;
    private final MediaProbe probe;
    private final SourceResolver resolver;
    private final DirectMedia direct;
    private final PipedConversion piped;
    private final FfmpegConversion ffmpeg;

    MediaPipeline(IngestProperties properties, AudioConversion conversion, MediaProbe probe, SourceResolver resolver,
            DirectMedia direct, PipedConversion piped, FfmpegConversion ffmpeg) {
        this.properties = properties;
        this.conversion = conversion;
        this.probe = probe;
        this.resolver = resolver;
        this.direct = direct;
        this.piped = piped;
        this.ffmpeg = ffmpeg;
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
     * @param quotaRoom   the bytes the import's owner may still store, asked as each conversion
     *                    starts: its output is cut off there and refused ({@code quota-exceeded})
     */
    public Produced produce(String url, SourceMetadata known, boolean maybeDirect, AudioFormat format, Path staging,
            LongSupplier quotaRoom, Progress progress, BooleanSupplier cancelled) throws InterruptedException {
        // cookies and extra options are yt-dlp's: a source that needs them is yt-dlp's to fetch
        if (maybeDirect && properties.cookiesFile() == null && properties.extraOptions().isEmpty()) {
            Optional<Produced> streamed = direct.convert(url, format, staging, quotaRoom, progress, cancelled);
            if (streamed.isPresent()) {
                return streamed.get();
            }
        }
        PipedConversion.Piped fetched = piped.convert(url, () -> known != null ? known : described(url, staging),
                format, staging, quotaRoom, progress, cancelled);
        return fetched.produced() != null ? fetched.produced()
                : fromFile(fetched.downloaded(), fetched.metadata(), format, staging, quotaRoom, progress, cancelled);
    }

    /** Converts a downloaded file (one ffmpeg cannot read as a stream), probed once. */
    private Produced fromFile(Path source, SourceMetadata metadata, AudioFormat format, Path staging,
            LongSupplier quotaRoom, Progress progress, BooleanSupplier cancelled) throws InterruptedException {
        MediaProbe.Probe sourceProbe = probe.probe(source);
        long sourceMs = sourceProbe.durationMs().orElse(metadata.durationSeconds() * 1000);
        if (sourceMs > properties.maxDuration().toMillis()) {
            throw new ImportFailure(ImportError.TOO_LONG, "source is " + sourceMs + " ms long");
        }
        Path target = staging.resolve("result." + format.extension());
        Map<String, String> tags = tags(metadata, sourceProbe);
        // the site's thumbnail, else the cover the source file carries itself
        Path cover = thumbnail(staging).orElse(sourceProbe.hasCover() ? source : null);
        long writtenMs = ffmpeg.convert(new FfmpegConversion.Run(conversion.command(source, cover, target, format, tags),
                target, format, sourceMs), FfmpegConversion.Input.NONE, staging, quotaRoom, progress, cancelled);
        // the conversion keeps the source's duration: probed once, the result needs no second reading
        long durationMs = sourceProbe.durationMs().isPresent() ? sourceMs
                : writtenMs > 0 ? writtenMs : probe.durationMs(target).orElse(sourceMs);
        return new Produced(target, durationMs, tags.get("title"));
    }

    /**
     * The title, artist and album to tag a conversion with: a site extractor knows better than the
     * file; the generic one only guesses from the URL, so there the file's tags come first.
     *
     * @param file what ffprobe read in the source ({@link MediaProbe.Probe#NOTHING} when it did not run)
     */
    static Map<String, String> tags(SourceMetadata metadata, MediaProbe.Probe file) {
        Map<String, String> tags = new LinkedHashMap<>();
        boolean fileFirst = fileFirst(metadata);
        for (String key : TAGS) {
            String fromSite = switch (key) {
                case "title" -> metadata.title();
                case "artist" -> metadata.artist();
                default -> metadata.album();
            };
            String fromFile = file.tag(key);
            tags.put(key, fileFirst && fromFile != null ? fromFile : fromSite != null ? fromSite : fromFile);
        }
        return tags;
    }

    /**
     * The site's own title, artist and album (null where it named none), for a conversion that
     * lets ffmpeg keep the file's tags under them: only where the site comes first
     * ({@link #fileFirst}).
     */
    static Map<String, String> siteTags(SourceMetadata metadata) {
        return tags(metadata, MediaProbe.Probe.NOTHING);
    }

    /** Whether the file's tags could change nothing: a site extractor named title, artist and album. */
    static boolean siteTagsComplete(SourceMetadata metadata) {
        return !fileFirst(metadata) && metadata.title() != null && metadata.artist() != null && metadata.album() != null;
    }

    static boolean fileFirst(SourceMetadata metadata) {
        return metadata.extractor() == null || "generic".equalsIgnoreCase(metadata.extractor());
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

    /** The site's thumbnail yt-dlp wrote next to the download, if any. */
    static Optional<Path> thumbnail(Path staging) {
        try (Stream<Path> files = Files.list(staging)) {
            return files.filter(path -> path.getFileName().toString().startsWith("source.")
                    && THUMBNAIL_EXTENSIONS.stream().anyMatch(path.getFileName().toString()::endsWith)).findFirst();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
