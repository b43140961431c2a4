package dev.encore.ingest.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static dev.encore.ingest.pipeline.LoopbackOrigin.NO_QUOTA;
import static dev.encore.ingest.pipeline.LoopbackOrigin.cutHalfway;
import static dev.encore.ingest.pipeline.LoopbackOrigin.send;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.encore.ingest.config.IngestProperties;
import dev.encore.ingest.imports.AudioFormat;
import dev.encore.ingest.imports.ImportError;
import dev.encore.ingest.source.ImportFailure;
import dev.encore.ingest.source.SourcePolicy;
import dev.encore.media.Ffmpeg;
import dev.encore.media.MediaProbe;
import dev.encore.media.MediaProperties;
import dev.encore.media.ProcessRunner;
import dev.encore.platform.DiskReserve;
import dev.encore.ingest.pipeline.LoopbackOrigin.NoProgress;
import dev.encore.support.GuardedLoopback;
import dev.encore.support.MediaTools;

/**
 * Direct media links converted while downloading, with the real ffmpeg and ffprobe fed from a
 * loopback origin through the egress guard: the egress rules, size limits and cancel hold as on
 * yt-dlp's path, a broken or refused run keeps nothing, and what is not media is left to yt-dlp.
 */
class DirectMediaIT {

    @TempDir
    Path work;

    private GuardedLoopback loopback;
    private byte[] shortTone;
    private byte[] longTone;
    private Path staging;

    @BeforeEach
    void start() throws Exception {
        MediaTools.require("ffmpeg", "ffprobe");
        Path media = Files.createDirectories(work.resolve("media"));
        shortTone = Files.readAllBytes(MediaTools.tone(media.resolve("short.mp3"), "Direct Tone", 440, 3, true));
        longTone = Files.readAllBytes(MediaTools.tone(media.resolve("long.mp3"), "Long Tone", 330, 60)); // ~720 KB
        loopback = new GuardedLoopback(shortTone)
                .origin("/tone.mp3", exchange -> send(exchange, "audio/mpeg", shortTone, shortTone.length, 0))
                .origin("/long.mp3", exchange -> send(exchange, "audio/mpeg", longTone, longTone.length, 0))
                .origin("/Café Ünïcode €😀.mp3", exchange -> send(exchange, "audio/mpeg", shortTone, shortTone.length, 0))
                // no declared length: the body arrives chunked, its size known only as it is read
                .origin("/chunked.mp3", exchange -> send(exchange, "audio/mpeg", longTone, 0, 0))
                .origin("/slow.mp3", exchange -> send(exchange, "audio/mpeg", longTone, 0, 20_000))
                .origin("/cut.mp3", cutHalfway("audio/mpeg", longTone))
                .origin("/page.html", exchange -> {
                    byte[] page = "<!DOCTYPE html><html><body><p>words</p></body></html>".getBytes();
                    send(exchange, "text/html; charset=utf-8", page, page.length, 0);
                })
                .origin("/list.m3u8", exchange -> {
                    byte[] list = ("#EXTM3U\n#EXTINF:3,\n" + loopback.internalUrl("/x.mp3") + "\n").getBytes();
                    send(exchange, "audio/x-mpegurl", list, list.length, 0);
                })
                .origin("/gone.mp3", exchange -> {
                    exchange.sendResponseHeaders(404, -1);
                    exchange.close();
                })
                .origin("/hop.mp3", exchange -> {
                    exchange.getResponseHeaders().add("Location", "/tone.mp3");
                    exchange.sendResponseHeaders(301, -1);
                    exchange.close();
                });
        staging = Files.createDirectories(work.resolve("staging"));
    }

    @AfterEach
    void stop() throws IOException {
        if (loopback != null) {
            loopback.close();
        }
    }

    @Test
    void aDirectLinkIsConvertedWhileDownloadingWithTheFilesTagsAndCover() throws Exception {
        MediaPipeline.Produced produced = direct(DataSize.ofMegabytes(50)).convert(url("/hop.mp3"), AudioFormat.MP3,
                staging, NO_QUOTA, new NoProgress(), () -> false).orElseThrow();

        assertThat(produced.file()).isRegularFile();
        assertThat(produced.title()).isEqualTo("Direct Tone");
        assertThat(produced.durationMs()).isBetween(2700L, 3300L);
        JsonNode probe = MediaTools.probe(produced.file());
        assertThat(MediaTools.audioCodec(probe)).isEqualTo("mp3");
        assertThat(MediaTools.tag(probe, "title")).isEqualTo("Direct Tone");
        assertThat(MediaTools.tag(probe, "artist")).isEqualTo("Encore Test");
        assertThat(probe.path("streams").valueStream()
                .anyMatch(stream -> stream.path("disposition").path("attached_pic").asInt() == 1)).as("cover").isTrue();
    }

    /** The link as an import stores it ({@code ImportRequests.Request}): non-ASCII went out as Latin-1 and '?'. */
    @Test
    void aLinkWithNonAsciiCharactersReachesTheSourceAsUtf8Escapes() throws Exception {
        MediaPipeline.Produced produced = direct(DataSize.ofMegabytes(50)).convert(
                SourcePolicy.normalize(url("/Café Ünïcode €😀.mp3")), AudioFormat.OPUS, staging,
                        NO_QUOTA, new NoProgress(),
                () -> false).orElseThrow();
        assertThat(produced.durationMs()).isBetween(2700L, 3300L);
    }

    @Test
    void aLongerStreamIsConvertedWhole() throws Exception {
        MediaPipeline.Produced produced = direct(DataSize.ofMegabytes(50)).convert(url("/chunked.mp3"),
                AudioFormat.OPUS, staging, NO_QUOTA, new NoProgress(), () -> false).orElseThrow();
        assertThat(produced.durationMs()).isBetween(59_000L, 61_000L);
        assertThat(produced.title()).isEqualTo("Long Tone");
    }

    @Test
    void aRedirectToAForbiddenAddressIsRefused() {
        assertThatThrownBy(() -> direct(DataSize.ofMegabytes(50)).convert(url("/moved.mp3"), AudioFormat.MP3, staging,
                NO_QUOTA, new NoProgress(), () -> false))
                .isInstanceOfSatisfying(ImportFailure.class,
                        failure -> assertThat(failure.error()).isEqualTo(ImportError.BLOCKED_ADDRESS));
        assertThat(loopback.internalHits()).isZero();
        assertThat(staged()).isEmpty();
    }

    @Test
    void aDeclaredOversizeBodyIsRefusedBeforeReading() {
        assertThatThrownBy(() -> direct(DataSize.ofKilobytes(300)).convert(url("/long.mp3"), AudioFormat.MP3, staging,
                NO_QUOTA, new NoProgress(), () -> false))
                .isInstanceOfSatisfying(ImportFailure.class,
                        failure -> assertThat(failure.error()).isEqualTo(ImportError.TOO_LARGE));
        assertThat(staged()).isEmpty();
    }

    @Test
    void aStreamGrowingPastTheLimitIsStoppedAndNothingIsKept() {
        assertThatThrownBy(() -> direct(DataSize.ofKilobytes(300)).convert(url("/chunked.mp3"), AudioFormat.MP3,
                staging, NO_QUOTA, new NoProgress(), () -> false))
                .isInstanceOfSatisfying(ImportFailure.class,
                        failure -> assertThat(failure.error()).isEqualTo(ImportError.TOO_LARGE));
        assertThat(staged()).isEmpty();
        assertThat(ffmpegRunning()).isFalse();
    }

    @Test
    void mediaLongerThanTheLimitIsRefusedEvenWhenItConvertsFasterThanProgressIsReported() throws IOException {
        // 60 s of MP3 converts in well under a second: ffmpeg's only progress report is its last
        assertThatThrownBy(() -> direct(DataSize.ofMegabytes(50), Duration.ofSeconds(20)).convert(url("/long.mp3"),
                AudioFormat.MP3, staging, NO_QUOTA, new NoProgress(), () -> false))
                .isInstanceOfSatisfying(ImportFailure.class,
                        failure -> assertThat(failure.error()).isEqualTo(ImportError.TOO_LONG));
        try (Stream<Path> left = Files.list(staging)) {
            assertThat(left.filter(file -> file.getFileName().toString().startsWith("result"))).isEmpty();
        }
    }

    /** A minute of WAV is ~5 MB: the owner's 1 MB left caps ffmpeg, and what it wrote up to there goes. */
    @Test
    void aResultLargerThanTheOwnersQuotaLeftIsCutOffAndRefused() {
        assertThatThrownBy(() -> direct(DataSize.ofMegabytes(50)).convert(url("/long.mp3"), AudioFormat.WAV, staging,
                () -> 1_000_000L, new NoProgress(), () -> false))
                .isInstanceOfSatisfying(ImportFailure.class, failure -> {
                    assertThat(failure.error()).isEqualTo(ImportError.QUOTA_EXCEEDED);
                    assertThat(failure.reason()).isEqualTo("the file would not fit in your storage quota");
                });
        assertThat(staged()).isEmpty();
    }

    @Test
    void aBodyCutShortFailsAsANetworkErrorAndKeepsNothing() {
        assertThatThrownBy(() -> direct(DataSize.ofMegabytes(50)).convert(url("/cut.mp3"), AudioFormat.MP3, staging,
                NO_QUOTA, new NoProgress(), () -> false))
                .isInstanceOfSatisfying(ImportFailure.class, failure -> {
                    assertThat(failure.error()).isEqualTo(ImportError.NETWORK);
                    assertThat(failure.reason()).isEqualTo("the connection to the source broke off");
                });
        assertThat(staged()).isEmpty();
    }

    @Test
    void cancelKillsFfmpegAndKeepsNothing() throws Exception {
        AtomicBoolean cancelled = new AtomicBoolean();
        DirectMedia direct = direct(DataSize.ofMegabytes(50));
        CompletableFuture<Optional<MediaPipeline.Produced>> run = CompletableFuture.supplyAsync(() -> {
            try {
                return direct.convert(url("/slow.mp3"), AudioFormat.MP3, staging,
                        NO_QUOTA, new NoProgress(), cancelled::get);
            }
            catch (InterruptedException ex) {
                throw new IllegalStateException(ex);
            }
        });
        await().atMost(Duration.ofSeconds(30)).until(this::ffmpegRunning);
        cancelled.set(true);
        assertThatThrownBy(() -> run.get(30, java.util.concurrent.TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(CancellationException.class);
        await().atMost(Duration.ofSeconds(5)).until(() -> !ffmpegRunning());
        assertThat(staged()).isEmpty();
    }

    @Test
    void whatIsNotStreamableMediaIsLeftToYtDlp() throws Exception {
        DirectMedia direct = direct(DataSize.ofMegabytes(50));
        assertThat(direct.convert(url("/page.html"), AudioFormat.MP3, staging,
                NO_QUOTA, new NoProgress(), () -> false)).isEmpty();
        // a playlist names other addresses: ffmpeg never reads one, yt-dlp fetches through the guard
        assertThat(direct.convert(url("/list.m3u8"), AudioFormat.MP3, staging,
                NO_QUOTA, new NoProgress(), () -> false)).isEmpty();
        assertThat(loopback.internalHits()).isZero();
        assertThat(staged()).isEmpty();
    }

    @Test
    void anErrorAnswerIsTheSameFailureAsOnYtDlpsPath() {
        assertThatThrownBy(() -> direct(DataSize.ofMegabytes(50)).convert(url("/gone.mp3"), AudioFormat.MP3, staging,
                NO_QUOTA, new NoProgress(), () -> false))
                .isInstanceOfSatisfying(ImportFailure.class, failure -> {
                    assertThat(failure.error()).isEqualTo(ImportError.UNAVAILABLE);
                    assertThat(failure.reason()).isEqualTo("the source answered 404 Not Found");
                });
    }

    @Test
    void titleFallsBackToTheLinksFileNameAsYtDlpsGenericExtractorDoes() {
        assertThat(DirectMedia.titleOf("http://h/a/My%20Song.mp3?x=1")).isEqualTo("My Song");
        assertThat(DirectMedia.titleOf("http://h/")).isNull();
        assertThat(DirectMedia.isMedia("audio/mpeg")).isTrue();
        assertThat(DirectMedia.isMedia("video/mp4; codecs=avc1")).isTrue();
        assertThat(DirectMedia.isMedia("audio/x-mpegurl")).isFalse();
        assertThat(DirectMedia.isMedia("application/vnd.apple.mpegurl")).isFalse();
        assertThat(DirectMedia.isMedia("text/html")).isFalse();
        assertThat(DirectMedia.isMedia(null)).isFalse();
    }

    private DirectMedia direct(DataSize maxFilesize) {
        return direct(maxFilesize, Duration.ofHours(3));
    }

    private DirectMedia direct(DataSize maxFilesize, Duration maxDuration) {
        IngestProperties properties = new IngestProperties(List.of("example.org"), List.of("127.0.0.1/32"), 50, 100,
                3, Duration.ofHours(1), maxFilesize, Duration.ofSeconds(10), Duration.ofMinutes(2), maxDuration,
                1, 1000, Duration.ofSeconds(30), null, List.of());
        ProcessRunner processes = new ProcessRunner();
        MediaProbe probe = new MediaProbe(processes, new MediaProperties(Path.of("yt-dlp"), Path.of("ffmpeg"),
                Path.of("ffprobe"), Duration.ofSeconds(30), Duration.ZERO), JsonMapper.builder().build());
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        return new DirectMedia(loopback.guard(), new Ffmpeg(Path.of("ffmpeg")), probe,
                new FfmpegConversion(processes, new DiskReserve(work, DataSize.ofMegabytes(1)), properties, meters),
                properties, meters);
    }

    private String url(String path) {
        return loopback.url(path);
    }

    private List<Path> staged() {
        try (Stream<Path> files = Files.list(staging)) {
            return files.toList();
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Whether an ffmpeg started by this JVM reads a stream (this test's conversions). */
    private boolean ffmpegRunning() {
        return ProcessHandle.current().descendants().anyMatch(process -> process.isAlive()
                && process.info().command().orElse("").endsWith("ffmpeg"));
    }
}
