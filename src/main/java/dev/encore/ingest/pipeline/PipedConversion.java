package dev.encore.ingest.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.encore.ingest.SourceMetadata;
import dev.encore.ingest.config.IngestProperties;
import dev.encore.ingest.imports.AudioFormat;
import dev.encore.ingest.imports.ImportError;
import dev.encore.ingest.source.ImportFailure;
import dev.encore.media.Ffmpeg;
import dev.encore.media.MediaProbe;
import dev.encore.media.YtDlp;

/**
 * Converts while yt-dlp downloads: yt-dlp writes the media to its standard output
 * ({@link PipedDownload}) and ffmpeg reads it on its standard input, as a direct link's body is
 * read ({@link DirectMedia}). Once the head has arrived, the info JSON and thumbnail yt-dlp wrote
 * first say what the media is. When the site named title, artist and album and gave a cover, no
 * probe runs. Otherwise, for an audio container ffmpeg reads front to back and a site that comes
 * before the file's own tags, ffmpeg starts on the head at once and keeps the file's tags and cover
 * itself, while ffprobe reads the head beside it (from its standard input only) for the title the
 * result is named by. Anything else is probed first: when ffprobe finds no audio in the head (e.g.
 * an MP4 whose index is at its end), the media is written to a file instead and converted from
 * there, without a second download.
 */
@Component
class PipedConversion {

    private static final Logger log = LoggerFactory.getLogger(PipedConversion.class);

    /** Containers ffmpeg reads from a pipe front to back: no head probe is needed to know it can. */
    private static final Set<String> STREAMABLE = Set.of("mp3", "ogg", "oga", "opus", "webm", "weba", "mka", "flac",
            "wav", "aac");
    /** Containers that hold no video but a cover picture. */
    private static final Set<String> AUDIO_CONTAINERS = Set.of("mp3", "opus", "oga", "weba", "flac", "wav", "aac");

    private final PipedDownload downloads;
    private final MediaProbe probe;
    private final Ffmpeg ffmpeg;
    private final FfmpegConversion conversion;
    private final JsonMapper json;
    private final IngestProperties properties;

    PipedConversion(PipedDownload downloads, MediaProbe probe, Ffmpeg ffmpeg, FfmpegConversion conversion,
            JsonMapper json, IngestProperties properties) {
        this.downloads = downloads;
        this.probe = probe;
        this.ffmpeg = ffmpeg;
        this.conversion = conversion;
        this.json = json;
        this.properties = properties;
    }

    /**
     * What a run gave: the converted file, or the download as a file for a conversion from a file.
     *
     * @param produced   the converted file, or null
     * @param downloaded the downloaded media, when {@code produced} is null
     * @param metadata   what the source says about itself (a look-up's answer or the info JSON)
     */
    record Piped(MediaPipeline.Produced produced, Path downloaded, SourceMetadata metadata) {
    }

    /**
     * Fetches {@code url} with yt-dlp and converts it as it arrives.
     *
     * @param describe  what the source says about itself; read once the info JSON is written
     * @param quotaRoom the bytes the import's owner may still store (see {@link FfmpegConversion#convert})
     * @throws ImportFailure for a source that failed, broke off or exceeded a limit, or a failed conversion
     */
    Piped convert(String url, Supplier<SourceMetadata> describe, AudioFormat format, Path staging,
            LongSupplier quotaRoom, MediaPipeline.Progress progress, BooleanSupplier cancelled)
            throws InterruptedException {
        try (PipedDownload.Stream download = downloads.open(url, staging, progress, cancelled)) {
            byte[] head = download.head();
            SourceMetadata metadata = describe.get();
            if (metadata.durationSeconds() * 1000 > properties.maxDuration().toMillis()) {
                throw new ImportFailure(ImportError.TOO_LONG, "source is " + metadata.durationSeconds() + " s long");
            }
            Chosen chosen = chosen(staging);
            Optional<Path> thumbnail = MediaPipeline.thumbnail(staging);
            Path target = staging.resolve("result." + format.extension());
            Path cover = format.supportsCoverArt() ? thumbnail.orElse(null) : null;
            if (STREAMABLE.contains(chosen.ext()) && MediaPipeline.siteTagsComplete(metadata)
                    && (cover != null || !format.supportsCoverArt())) {
                Map<String, String> tags = MediaPipeline.siteTags(metadata);
                return converted(download, ffmpeg.convertStdin(cover, target, format.encoderArgs(), tags), target,
                        format, metadata, tags.get("title"), staging, quotaRoom, progress, cancelled);
            }
            if (chosen.startsAtOnce() && !MediaPipeline.fileFirst(metadata)) {
                return besideHeadProbe(download, head, metadata, cover, target, format, staging, quotaRoom, progress,
                        cancelled);
            }
            Optional<MediaProbe.Probe> declared = probe.probeHead(head, staging);
            if (declared.isEmpty()) {
                log.info("yt-dlp's {} download shows no audio ffmpeg can stream; converting it from a file",
                        chosen.ext());
                return new Piped(null, download.drainTo(staging.resolve("source." + safe(chosen.ext()))),
                        metadata);
            }
            Map<String, String> tags = MediaPipeline.tags(metadata, declared.get());
            List<String> command = cover != null ? ffmpeg.convertStdin(cover, target, format.encoderArgs(), tags)
                    : ffmpeg.convertStdin(format.supportsCoverArt() && declared.get().hasCover(), target,
                            format.encoderArgs(), tags);
            return converted(download, command, target, format, metadata, tags.get("title"), staging, quotaRoom,
                    progress, cancelled);
        }
    }

    /**
     * Starts ffmpeg on the head at once, with the site's tags over the file's own (ffmpeg copies
     * them, site-first as {@link MediaPipeline#tags}), while ffprobe reads the head beside it for
     * the title the result is named by: the probe no longer delays the conversion. A probe that
     * cannot run stops ffmpeg and fails the run, with nothing kept; one that finds no audio in the
     * head (a picture larger than the head) leaves it to ffmpeg, which read the whole stream, and
     * the title is read from the result instead.
     */
    private Piped besideHeadProbe(PipedDownload.Stream download, byte[] head, SourceMetadata metadata, Path cover,
            Path target, AudioFormat format, Path staging, LongSupplier quotaRoom, MediaPipeline.Progress progress,
            BooleanSupplier cancelled) throws InterruptedException {
        FutureTask<Optional<MediaProbe.Probe>> headProbe = new FutureTask<>(() -> probe.probeHead(head, staging));
        Thread.ofVirtual().start(headProbe);
        try {
            List<String> command = ffmpeg.convertStdinKeepingTags(cover, format.supportsCoverArt(), target,
                    format.encoderArgs(), MediaPipeline.siteTags(metadata));
            Piped piped;
            try {
                piped = converted(download, command, target, format, metadata, null, staging, quotaRoom, progress,
                        () -> cancelled.getAsBoolean() || failed(headProbe));
            }
            catch (CancellationException stopped) {
                if (!cancelled.getAsBoolean() && failed(headProbe)) {
                    outcome(headProbe); // throws why the probe failed; ffmpeg's target is already deleted
                }
                throw stopped;
            }
            Optional<MediaProbe.Probe> file;
            try {
                file = outcome(headProbe);
            }
            catch (RuntimeException | InterruptedException failed) {
                Files.deleteIfExists(target); // nothing of a failed run is kept
                throw failed;
            }
            MediaProbe.Probe tagged = file.isPresent() ? file.get() : probe.probe(target);
            String title = MediaPipeline.tags(metadata, tagged).get("title");
            MediaPipeline.Produced produced = piped.produced();
            return new Piped(new MediaPipeline.Produced(produced.file(), produced.durationMs(), title), null, metadata);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        finally {
            headProbe.cancel(true); // a run that ended early stops ffprobe too
        }
    }

    /** Whether the head probe ended without an answer: it could not run. */
    private static boolean failed(FutureTask<Optional<MediaProbe.Probe>> headProbe) {
        return headProbe.state() == Future.State.FAILED;
    }

    /** The head probe's answer, waiting for it; rethrows why it could not run. */
    private static Optional<MediaProbe.Probe> outcome(FutureTask<Optional<MediaProbe.Probe>> headProbe)
            throws InterruptedException {
        try {
            return headProbe.get();
        }
        catch (ExecutionException ex) {
            if (ex.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (ex.getCause() instanceof InterruptedException cause) {
                throw cause;
            }
            throw new IllegalStateException(ex.getCause());
        }
    }

    /** Runs {@code command} on the head and the rest of the download. */
    private Piped converted(PipedDownload.Stream download, List<String> command, Path target,
            AudioFormat format, SourceMetadata metadata, String title, Path staging, LongSupplier quotaRoom,
            MediaPipeline.Progress progress, BooleanSupplier stopped) throws InterruptedException {
        FfmpegConversion.Input input = new FfmpegConversion.Input(download.input().whole(), download::failure);
        long writtenMs = conversion.convert(new FfmpegConversion.Run(command, target, format, 0), input, staging,
                quotaRoom, progress, stopped);
        download.counted();
        long durationMs = writtenMs > 0 ? writtenMs : probe.durationMs(target).orElse(metadata.durationSeconds() * 1000);
        return new Piped(new MediaPipeline.Produced(target, durationMs, title), null, metadata);
    }

    /**
     * What yt-dlp chose to download, from its info JSON.
     *
     * @param ext       the file name extension, in lower case, or ""
     * @param audioOnly whether the format has no video (its {@code vcodec} is {@code none})
     */
    private record Chosen(String ext, boolean audioOnly) {

        /**
         * Whether ffmpeg can start on it before the head is probed: it reads the container front to
         * back, and any video stream in it can only be a cover picture.
         */
        boolean startsAtOnce() {
            return STREAMABLE.contains(ext) && (audioOnly || AUDIO_CONTAINERS.contains(ext));
        }
    }

    private Chosen chosen(Path staging) {
        try {
            Path info = staging.resolve(YtDlp.INFO_FILE);
            if (!Files.isRegularFile(info)) {
                return new Chosen("", false);
            }
            JsonNode root = json.readTree(Files.readString(info));
            return new Chosen(root.path("ext").asString("").toLowerCase(Locale.ROOT),
                    "none".equals(root.path("vcodec").asString("")));
        }
        catch (IOException | JacksonException ex) {
            return new Chosen("", false);
        }
    }

    /** A file name extension from the info JSON, used only when it is plainly one. */
    private static String safe(String ext) {
        return ext.matches("[a-z0-9]{1,8}") ? ext : "bin";
    }
}
