package dev.encore.ingest.pipeline;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.ByteArrayInputStream;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import dev.encore.ingest.config.IngestProperties;
import dev.encore.ingest.imports.AudioFormat;
import dev.encore.ingest.imports.ImportError;
import dev.encore.ingest.source.EgressGuard;
import dev.encore.ingest.source.GuardedHttp;
import dev.encore.ingest.source.ImportFailure;
import dev.encore.ingest.source.ToolFailures;
import dev.encore.media.Ffmpeg;
import dev.encore.media.MediaProbe;
import dev.encore.media.ProcessRunner;

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

    /** The first bytes ffprobe sees: tags and stream headers come first in MP3, FLAC, Ogg and WAV. */
    static final int HEAD_BYTES = 256 * 1024;
    /** An ID3v2 tag (with its cover) may be larger; the head grows to hold it, up to this much. */
    static final int MAX_HEAD_BYTES = 16 * 1024 * 1024;
    /** Playlists and manifests name other URLs: yt-dlp fetches them through the guard, never ffmpeg. */
    private static final Set<String> PLAYLIST_TYPES = Set.of("audio/mpegurl", "audio/x-mpegurl", "audio/x-scpls",
            "application/vnd.apple.mpegurl", "application/x-mpegurl", "application/dash+xml", "video/vnd.mpeg.dash.mpd",
            "audio/x-ms-asx", "video/x-ms-asf", "audio/x-pn-realaudio");

    private final EgressGuard guard;
    private final GuardedHttp http;
    private final Ffmpeg ffmpeg;
    private final MediaProbe probe;
    private final ProcessRunner processes;
    private final IngestProperties properties;
    private final MeterRegistry meters;

    DirectMedia(EgressGuard guard, Ffmpeg ffmpeg, MediaProbe probe, ProcessRunner processes,
            IngestProperties properties, MeterRegistry meters) {
        this.guard = guard;
        this.http = new GuardedHttp(guard, properties.socketTimeout());
        this.ffmpeg = ffmpeg;
        this.probe = probe;
        this.processes = processes;
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
     * @throws ImportFailure for a source that refused, failed, broke off or exceeded a limit
     */
    Optional<MediaPipeline.Produced> convert(String url, AudioFormat format, Path staging,
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
            Source source = new Source(response.body(), length, properties.maxFilesize().toBytes(), progress,
                    cancelled);
            byte[] head = source.head();
            Optional<MediaProbe.Probe> declared = probe.probeHead(head, staging);
            if (declared.isEmpty()) {
                log.info("A direct link's head shows no audio ffmpeg can stream; yt-dlp will fetch it");
                return Optional.empty();
            }
            return Optional.of(convert(url, format, staging, progress, cancelled, source, head, declared.get()));
        }
        catch (IOException ex) {
            throw broken(ex);
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

    private MediaPipeline.Produced convert(String url, AudioFormat format, Path staging, MediaPipeline.Progress progress,
            BooleanSupplier cancelled, Source source, byte[] head, MediaProbe.Probe declared)
            throws InterruptedException, IOException {
        Map<String, String> tags = new LinkedHashMap<>();
        // like yt-dlp's generic extractor: the file's tags, else the link's file name as the title
        tags.put("title", declared.tag("title") != null ? declared.tag("title") : titleOf(url));
        tags.put("artist", declared.tag("artist"));
        tags.put("album", declared.tag("album"));
        Path target = staging.resolve("result." + format.extension());
        List<String> command = ffmpeg.convertStdin(format.supportsCoverArt() && declared.hasCover(), target,
                format.encoderArgs(), tags);
        long maxMicros = properties.maxDuration().toMillis() * 1000;
        AtomicLong outMicros = new AtomicLong();
        AtomicBoolean tooLong = new AtomicBoolean();
        InputStream input = new SequenceInputStream(new ByteArrayInputStream(head), source);
        Timer.Sample sample = Timer.start(meters);
        ProcessRunner.Result result;
        try {
            result = processes.run(new ProcessRunner.Spec(command, staging, properties.timeout(), Map.of()), line -> {
                progress.alive();
                long micros = Ffmpeg.progressMicros(line);
                if (micros > 0) {
                    outMicros.set(micros);
                    if (micros > maxMicros) {
                        tooLong.set(true);
                    }
                }
            }, () -> tooLong.get() || cancelled.getAsBoolean(), input);
        }
        catch (CancellationException stopped) {
            Files.deleteIfExists(target);
            if (tooLong.get()) {
                throw new ImportFailure(ImportError.TOO_LONG, "source is longer than " + properties.maxDuration());
            }
            throw stopped;
        }
        if (cancelled.getAsBoolean()) {
            Files.deleteIfExists(target);
            throw new CancellationException("cancelled");
        }
        sample.stop(Timer.builder("encore.ingest.conversion.duration").description("ffmpeg conversion time")
                .tag("format", format.extension()).publishPercentileHistogram().register(meters));
        if (source.failure() != null || !result.succeeded() || !Files.isRegularFile(target)) {
            Files.deleteIfExists(target); // nothing of a broken run is kept
            if (source.failure() != null) {
                throw broken(source.failure());
            }
            log.warn("ffmpeg failed to convert a direct link to {}: exit {}, timed out {}, stderr {}", format,
                    result.exitCode(), result.timedOut(), result.stderrTail());
            throw result.timedOut() ? new ImportFailure(ImportError.TIMEOUT, "conversion timed out")
                    : new ImportFailure(ImportError.CONVERSION_FAILED, "the download could not be converted to "
                            + format.extension() + " (it may hold no audio)", "conversion failed");
        }
        meters.counter("encore.ingest.fetched.bytes").increment(source.bytesRead());
        long durationMs = outMicros.get() > 0 ? outMicros.get() / 1000 : probe.durationMs(target).orElse(0L);
        return new MediaPipeline.Produced(target, durationMs, tags.get("title"));
    }

    private static ImportFailure broken(IOException ex) {
        if (ex instanceof TooLarge) {
            return new ImportFailure(ImportError.TOO_LARGE, ex.getMessage());
        }
        if (ex instanceof SocketTimeoutException) {
            return new ImportFailure(ImportError.NETWORK, "the connection to the source timed out", ex.getMessage());
        }
        if (ex instanceof EOFException || ex instanceof java.net.SocketException) {
            return new ImportFailure(ImportError.NETWORK, "the connection to the source broke off", ex.getMessage());
        }
        return new ImportFailure(ImportError.NETWORK, "direct download failed: " + ex.getMessage());
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

    /** The body size limit was passed. */
    static final class TooLarge extends IOException {

        TooLarge(long limit) {
            super("the body passed " + limit + " bytes");
        }
    }

    /**
     * The body as ffmpeg reads it: counted against the size limit, reported as download progress,
     * stopped by a cancel; the first failure is kept for the caller (ffmpeg only sees its input end).
     */
    private static final class Source extends FilterInputStream {

        private final long length;
        private final long limit;
        private final MediaPipeline.Progress progress;
        private final BooleanSupplier cancelled;
        private long read;
        private boolean ended;
        private volatile IOException failure;

        Source(InputStream body, long length, long limit, MediaPipeline.Progress progress, BooleanSupplier cancelled) {
            super(body);
            this.length = length;
            this.limit = limit;
            this.progress = progress;
            this.cancelled = cancelled;
        }

        /** Reads the head: {@link #HEAD_BYTES}, or a whole ID3v2 tag, or less when the body is shorter. */
        byte[] head() throws IOException {
            byte[] head = new byte[HEAD_BYTES];
            int filled = fill(head, 0);
            int wanted = id3Size(head, filled);
            if (wanted > filled && filled == head.length) {
                head = java.util.Arrays.copyOf(head, Math.min(MAX_HEAD_BYTES, wanted + 64 * 1024));
                filled = fill(head, filled);
            }
            return filled == head.length ? head : java.util.Arrays.copyOf(head, filled);
        }

        private int fill(byte[] buffer, int from) throws IOException {
            int at = from;
            while (at < buffer.length) {
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException("cancelled");
                }
                int n = read(buffer, at, buffer.length - at);
                if (n < 0) {
                    break;
                }
                at += n;
            }
            return at;
        }

        /** The whole size of an ID3v2 tag at the start, or 0. */
        private static int id3Size(byte[] head, int filled) {
            if (filled < 10 || head[0] != 'I' || head[1] != 'D' || head[2] != '3') {
                return 0;
            }
            return 10 + ((head[6] & 0x7f) << 21 | (head[7] & 0x7f) << 14 | (head[8] & 0x7f) << 7 | (head[9] & 0x7f));
        }

        long bytesRead() {
            return read;
        }

        IOException failure() {
            return failure;
        }

        @Override
        public int read(byte[] buffer, int offset, int count) throws IOException {
            try {
                if (cancelled.getAsBoolean()) {
                    throw new IOException("cancelled");
                }
                int n = super.read(buffer, offset, count);
                if (n < 0 && !ended) {
                    ended = true;
                    progress.converting(0); // the whole body is in ffmpeg: what is left is converting
                }
                if (n > 0) {
                    read += n;
                    if (read > limit) {
                        throw new TooLarge(limit);
                    }
                    progress.alive();
                    if (length > 0) {
                        progress.downloading(Math.min(1.0, (double) read / length));
                    }
                }
                return n;
            }
            catch (IOException ex) {
                if (failure == null) {
                    failure = ex;
                }
                throw ex;
            }
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }
    }
}
