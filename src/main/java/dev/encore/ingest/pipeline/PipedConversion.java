package dev.encore.ingest.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
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
 * first say what the media is. ffprobe reads the head (from its standard input only) for the
 * file's tags and cover, unless the site already named title, artist and album and gave a cover,
 * and the container is one ffmpeg reads front to back. When ffprobe finds no audio in the head
 * (e.g. an MP4 whose index is at its end), the media is written to a file instead and converted
 * from there, as before, without a second download.
 */
@Component
class PipedConversion {

    private static final Logger log = LoggerFactory.getLogger(PipedConversion.class);

    /** Containers ffmpeg reads from a pipe front to back: no head probe is needed to know it can. */
    private static final Set<String> STREAMABLE = Set.of("mp3", "ogg", "oga", "opus", "webm", "weba", "mka", "flac",
            "wav", "aac");

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
     * @param describe what the source says about itself; read once the info JSON is written
     * @throws ImportFailure for a source that failed, broke off or exceeded a limit, or a failed conversion
     */
    Piped convert(String url, Supplier<SourceMetadata> describe, AudioFormat format, Path staging,
            MediaPipeline.Progress progress, BooleanSupplier cancelled) throws InterruptedException {
        try (PipedDownload.Stream download = downloads.open(url, staging, progress, cancelled)) {
            byte[] head = download.head();
            SourceMetadata metadata = describe.get();
            if (metadata.durationSeconds() * 1000 > properties.maxDuration().toMillis()) {
                throw new ImportFailure(ImportError.TOO_LONG, "source is " + metadata.durationSeconds() + " s long");
            }
            String ext = extension(staging);
            Optional<Path> thumbnail = MediaPipeline.thumbnail(staging);
            boolean siteSaysAll = STREAMABLE.contains(ext) && MediaPipeline.siteTagsComplete(metadata)
                    && (thumbnail.isPresent() || !format.supportsCoverArt());
            Optional<MediaProbe.Probe> declared = siteSaysAll ? Optional.of(MediaProbe.Probe.NOTHING)
                    : probe.probeHead(head, staging);
            if (declared.isEmpty()) {
                log.info("yt-dlp's {} download shows no audio ffmpeg can stream; converting it from a file", ext);
                return new Piped(null, download.drainTo(staging.resolve("source." + safe(ext))), metadata);
            }
            Map<String, String> tags = MediaPipeline.tags(metadata, declared.get());
            Path target = staging.resolve("result." + format.extension());
            List<String> command = thumbnail.isPresent() && format.supportsCoverArt()
                    ? ffmpeg.convertStdin(thumbnail.get(), target, format.encoderArgs(), tags)
                    : ffmpeg.convertStdin(format.supportsCoverArt() && declared.get().hasCover(), target,
                            format.encoderArgs(), tags);
            FfmpegConversion.Input input = new FfmpegConversion.Input(download.input().whole(), download::failure);
            long writtenMs = conversion.convert(new FfmpegConversion.Run(command, target, format, 0), input, staging,
                    progress, cancelled);
            download.counted();
            long durationMs = writtenMs > 0 ? writtenMs
                    : probe.durationMs(target).orElse(metadata.durationSeconds() * 1000);
            return new Piped(new MediaPipeline.Produced(target, durationMs, tags.get("title")), null, metadata);
        }
    }

    /** The extension yt-dlp's info JSON gives the chosen format, in lower case, or "". */
    private String extension(Path staging) {
        try {
            Path info = staging.resolve(YtDlp.INFO_FILE);
            return Files.isRegularFile(info)
                    ? json.readTree(Files.readString(info)).path("ext").asString("").toLowerCase(Locale.ROOT) : "";
        }
        catch (IOException | JacksonException ex) {
            return "";
        }
    }

    /** A file name extension from the info JSON, used only when it is plainly one. */
    private static String safe(String ext) {
        return ext.matches("[a-z0-9]{1,8}") ? ext : "bin";
    }
}
