package dev.encore.ingest.pipeline;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;

import dev.encore.ingest.config.IngestProperties;
import dev.encore.ingest.imports.AudioFormat;
import dev.encore.ingest.imports.ImportError;
import dev.encore.ingest.source.EgressGuard;
import dev.encore.ingest.source.GuardedHttp;
import dev.encore.ingest.source.ImportFailure;
import dev.encore.ingest.source.ToolFailures;
import dev.encore.media.Ffmpeg;
import dev.encore.media.MediaProbe;

/**
 * Imports a direct media link (the URL answers with {@code audio/*} or {@code video/*} bytes) by
 * converting while downloading: Encore GETs the link through the {@link EgressGuard} itself
 * ({@link GuardedHttp}), reads the head of the body and asks ffprobe what it declares (tags,
 * cover), then streams the head and the rest into ffmpeg's standard input. The download and the
 * conversion overlap, and no yt-dlp starts. The limits are yt-dlp's: {@code max-filesize} (a
 * declared length over it is refused before reading, a body that grows past it stops the run),
 * {@code socket-timeout} per read, {@code timeout} for the whole run, {@code max-duration}
 * (measured as ffmpeg converts), and a cancel kills ffmpeg and drops the connection. A failed run
 * keeps nothing: ffmpeg is killed before it can finish a truncated input, and the staging
 * directory is deleted by the caller. Anything else (a page, a playlist file, a head ffprobe
 * cannot read, e.g. an MP4 whose index is at its end) is left to yt-dlp: {@link #convert} answers
 * empty.
 */
@Component
class DirectMedia {

    private static final Logger log = LoggerFactory.getLogger(DirectMedia.class);

    /** Playlists and manifests name other URLs: yt-dlp fetches them through the guard, never ffmpeg. */
    private static final Set<String> PLAYLIST_TYPES = Set.of("audio/mpegurl", "audio/x-mpegurl", "audio/x-scpls",
            "application/vnd.apple.mpegurl", "application/x-mpegurl", "application/dash+xml", "video/vnd.mpeg.dash.mpd",
            "audio/x-ms-asx", "video/x-ms-asf", "audio/x-pn-realaudio");

    private final EgressGuard guard;
    private final GuardedHttp http;
    private final Ffmpeg ffmpeg;
    private final MediaProbe probe;
    private final FfmpegConversion conversion;
    private final IngestProperties properties;
    private final MeterRegistry meters;

    DirectMedia(EgressGuard guard, Ffmpeg ffmpeg, MediaProbe probe, FfmpegConversion conversion,
            IngestProperties properties, MeterRegistry meters) {
        this.guard = guard;
        this.http = new GuardedHttp(guard, properties.socketTimeout());
        this.ffmpeg = ffmpeg;
        this.probe = probe;
        this.conversion = conversion;
        this.properties = properties;
        this.meters = meters;
    }

    /** Whether a {@code Content-Type} is media ffmpeg may read from a stream. */
    static boolean isMedia(String contentType) {
        String type = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return (type.startsWith("audio/") || type.startsWith("video/") || type.equals("application/ogg"))
                && !PLAYLIST_TYPES.contains(type);
    }

    /**
     * Converts the media at {@code url} into {@code staging}, or answers empty when the link is not
     * a direct media file ffmpeg can read as a stream (yt-dlp should look at it).
     *
     * @param quotaRoom the bytes the import's owner may still store (see {@link FfmpegConversion#convert})
     * @throws ImportFailure for a source that refused, failed, broke off or exceeded a limit
     */
    Optional<MediaPipeline.Produced> convert(String url, AudioFormat format, Path staging, LongSupplier quotaRoom,
            MediaPipeline.Progress progress, BooleanSupplier cancelled) throws InterruptedException {
        try (EgressGuard.Lease lease = guard.lease(); GuardedHttp.Response response = open(url, lease)) {
            if (response.status() != 200) {
                ToolFailures.Failure failure = ToolFailures.answered(response.status());
                log.info("A direct link answered {} ({})", response.status(), failure.error().code());
                throw failure.toException("the source answered " + response.status());
            }
            if (!isMedia(response.header("content-type").orElse(null))) {
                return Optional.empty();
            }
            long length = response.contentLength();
            if (length > properties.maxFilesize().toBytes()) {
                throw new ImportFailure(ImportError.TOO_LARGE, "declared " + length + " bytes");
            }
            StreamedInput source = new StreamedInput(response.body(), length, properties.maxFilesize().toBytes(),
                    progress, cancelled, () -> { });
            byte[] head = source.head();
            Optional<MediaProbe.Probe> declared = probe.probeHead(head, staging);
            if (declared.isEmpty()) {
                log.info("A direct link's head shows no audio ffmpeg can stream; yt-dlp will fetch it");
                return Optional.empty();
            }
            return Optional.of(convert(url, format, staging, quotaRoom, progress, cancelled, source, declared.get()));
        }
        catch (IOException ex) {
            throw StreamedInput.broken(ex);
        }
    }

    private GuardedHttp.Response open(String url, EgressGuard.Lease lease) throws IOException {
        try {
            return http.get(url, lease);
        }
        catch (java.net.ConnectException ex) {
            throw new ImportFailure(ImportError.NETWORK, "the source refused the connection", ex.getMessage());
        }
    }

    private MediaPipeline.Produced convert(String url, AudioFormat format, Path staging, LongSupplier quotaRoom,
            MediaPipeline.Progress progress, BooleanSupplier cancelled, StreamedInput source, MediaProbe.Probe declared)
            throws InterruptedException {
        Map<String, String> tags = new LinkedHashMap<>();
        // like yt-dlp's generic extractor: the file's tags, else the link's file name as the title
        tags.put("title", declared.tag("title") != null ? declared.tag("title") : titleOf(url));
        tags.put("artist", declared.tag("artist"));
        tags.put("album", declared.tag("album"));
        Path target = staging.resolve("result." + format.extension());
        List<String> command = ffmpeg.convertStdin(format.supportsCoverArt() && declared.hasCover(), target,
                format.encoderArgs(), tags);
        FfmpegConversion.Input input = new FfmpegConversion.Input(
                source.whole(),
                () -> Optional.ofNullable(source.failure()).map(StreamedInput::broken));
        long writtenMs = conversion.convert(new FfmpegConversion.Run(command, target, format, 0), input, staging,
                quotaRoom, progress, cancelled);
        meters.counter("encore.ingest.fetched.bytes").increment(source.bytesRead());
        long durationMs = writtenMs > 0 ? writtenMs : probe.durationMs(target).orElse(0L);
        return new MediaPipeline.Produced(target, durationMs, tags.get("title"));
    }

    /** What yt-dlp's generic extractor calls a direct link: its last path segment without extension. */
    static String titleOf(String url) {
        String path = URI.create(url).getRawPath();
        if (path == null || path.isEmpty() || path.endsWith("/")) {
            return null;
        }
        String name = URLDecoder.decode(path.substring(path.lastIndexOf('/') + 1).replace("+", "%2B"),
                StandardCharsets.UTF_8);
        int dot = name.lastIndexOf('.');
        name = dot > 0 ? name.substring(0, dot) : name;
        return name.isBlank() ? null : name;
    }
}
