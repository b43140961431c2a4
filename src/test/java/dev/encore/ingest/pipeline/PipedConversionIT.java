package dev.encore.ingest.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static dev.encore.ingest.pipeline.LoopbackOrigin.NO_QUOTA;
import static dev.encore.ingest.pipeline.LoopbackOrigin.cutHalfway;
import static dev.encore.ingest.pipeline.LoopbackOrigin.send;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.Stream;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.util.unit.DataSize;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.encore.ingest.SourceMetadata;
import dev.encore.ingest.config.IngestProperties;
import dev.encore.ingest.imports.AudioFormat;
import dev.encore.ingest.imports.ImportError;
import dev.encore.ingest.source.ImportFailure;
import dev.encore.ingest.source.YtDlpRunOptions;
import dev.encore.media.Ffmpeg;
import dev.encore.media.MediaProbe;
import dev.encore.media.MediaProperties;
import dev.encore.media.ProcessRunner;
import dev.encore.platform.DiskReserve;
import dev.encore.media.YtDlp;
import dev.encore.ingest.pipeline.LoopbackOrigin.NoProgress;
import dev.encore.support.GuardedLoopback;
import dev.encore.support.MediaTools;

/**
 * Pages whose media yt-dlp must extract, converted while yt-dlp downloads, with the real yt-dlp,
 * ffmpeg and ffprobe fed from a loopback origin through the egress guard: the result's tags and
 * duration, a source that fails or breaks off failing as the source's failure with nothing kept,
 * a cancel stopping both tools, media ffmpeg cannot read as a stream converted from a file, and an
 * HLS playlist whose segments yt-dlp joins into the pipe (a missing segment failing the run).
 */
class PipedConversionIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path work;

    private GuardedLoopback loopback;
    private byte[] tone;
    private byte[] longTone;
    private byte[] lateIndex;
    private byte[] oggTagged;
    private byte[] bigCover;
    private Path staging;

    @BeforeEach
    void start() throws Exception {
        MediaTools.require("yt-dlp", "ffmpeg", "ffprobe");
        Path media = Files.createDirectories(work.resolve("media"));
        tone = Files.readAllBytes(MediaTools.tone(media.resolve("tone.mp3"), "Piped Tone", 440, 20, true));
        longTone = Files.readAllBytes(MediaTools.tone(media.resolve("long.mp3"), "Long Tone", 330, 60)); // ~720 KB
        lateIndex = Files.readAllBytes(lateIndex(media.resolve("late.m4a"), 60)); // ~1 MB, its index at the end
        oggTagged = Files.readAllBytes(ffmpeg(media.resolve("tagged.opus"), "-f", "lavfi", "-i",
                "sine=frequency=500:duration=5", "-metadata", "title=Ogg Title", "-metadata", "artist=Ogg Artist",
                "-metadata", "album=Ogg Album", "-c:a", "libopus")); // Ogg keeps tags on the stream
        bigCover = Files.readAllBytes(ffmpeg(media.resolve("big.flac"), "-f", "lavfi", "-i",
                "sine=frequency=600:duration=5", "-f", "lavfi", "-i",
                "nullsrc=s=800x800:d=0.04,geq=random(1)*255:128:128", // one frame of noise: ~900 KB as PNG
                "-map", "0:a", "-map", "1:v", "-frames:v", "1", "-c:v", "png", "-disposition:v:0", "attached_pic",
                "-metadata", "artist=Flac Artist", "-c:a", "flac")); // a picture larger than the head
        loopback = new GuardedLoopback(tone);
        page("/tone.html", "tone.mp3");
        page("/dead.html", "gone.mp3");
        page("/cut.html", "cut.mp3");
        page("/slow.html", "slow.mp3");
        page("/chunked.html", "chunked.mp3");
        page("/late.html", "late.m4a");
        page("/ogg.html", "tagged.opus");
        page("/big.html", "big.flac");
        loopback.origin("/tone.mp3", exchange -> send(exchange, "audio/mpeg", tone, tone.length, 0));
        loopback.origin("/chunked.mp3", exchange -> send(exchange, "audio/mpeg", longTone, 0, 0));
        loopback.origin("/slow.mp3", exchange -> send(exchange, "audio/mpeg", longTone, longTone.length, 100_000));
        loopback.origin("/tagged.opus", exchange -> send(exchange, "audio/ogg", oggTagged, oggTagged.length, 0));
        loopback.origin("/big.flac", exchange -> send(exchange, "audio/flac", bigCover, bigCover.length, 0));
        loopback.origin("/late.m4a", exchange -> send(exchange, "audio/mp4", lateIndex, lateIndex.length, 0));
        loopback.origin("/cut.mp3", cutHalfway("audio/mpeg", longTone));
        loopback.origin("/gone", exchange -> {
            exchange.sendResponseHeaders(404, -1);
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
    void aPageIsConvertedWhileYtDlpDownloadsWithTheSitesTitleAndTheFilesArtistAndCover() throws Exception {
        PipedConversion.Piped piped = piped(DataSize.ofMegabytes(50)).convert(url("/tone.html"), this::described,
                AudioFormat.MP3, staging, NO_QUOTA, new NoProgress(), () -> false);

        MediaPipeline.Produced produced = piped.produced();
        assertThat(produced).isNotNull();
        assertThat(produced.title()).isEqualTo("Tone page (1)"); // yt-dlp names a page's first media so
        assertThat(produced.durationMs()).isBetween(19_500L, 20_500L);
        JsonNode probe = MediaTools.probe(produced.file());
        assertThat(MediaTools.audioCodec(probe)).isEqualTo("mp3");
        assertThat(probe.path("format").path("duration").asDouble()).isBetween(19.5, 20.5);
        assertThat(MediaTools.tag(probe, "title")).isEqualTo("Tone page (1)");
        assertThat(MediaTools.tag(probe, "artist")).isEqualTo("Encore Test");
        assertThat(probe.path("streams").valueStream()
                .anyMatch(stream -> stream.path("disposition").path("attached_pic").asInt() == 1)).as("cover").isTrue();
        // yt-dlp wrote the media to ffmpeg, never to a file
        assertThat(staged()).noneMatch(name -> name.startsWith("source."));
    }

    @Test
    void whenTheSiteNamesEverythingNoFfprobeRunsAndTheDurationIsWhatFfmpegWrote() throws Exception {
        SourceMetadata site = new SourceMetadata("Youtube", "x", "Site Title", "Site Artist", "Site Album", 0, false,
                List.of());
        // no ffprobe to run: a probe would fail the import
        PipedConversion piped = piped(DataSize.ofMegabytes(50), Path.of("/nonexistent/ffprobe"));
        MediaPipeline.Produced produced = piped.convert(url("/tone.html"), () -> site, AudioFormat.OPUS, staging,
                NO_QUOTA, new NoProgress(), () -> false).produced();

        assertThat(produced.durationMs()).isBetween(19_500L, 20_500L);
        JsonNode probe = MediaTools.probe(produced.file());
        assertThat(MediaTools.audioCodec(probe)).isEqualTo("opus");
        assertThat(MediaTools.tag(probe, "title")).isEqualTo("Site Title");
        assertThat(MediaTools.tag(probe, "artist")).isEqualTo("Site Artist");
        assertThat(MediaTools.tag(probe, "album")).isEqualTo("Site Album");
    }

    @Test
    void ffmpegKeepsTheFilesOwnTagsUnderTheSitesWithoutWaitingForTheProbe() throws Exception {
        MediaPipeline.Produced produced = piped(DataSize.ofMegabytes(50)).convert(url("/ogg.html"), this::described,
                AudioFormat.MP3, staging, NO_QUOTA, new NoProgress(), () -> false).produced();

        assertThat(produced.title()).isEqualTo("Ogg page (1)");
        JsonNode probe = MediaTools.probe(produced.file());
        assertThat(MediaTools.tag(probe, "title")).isEqualTo("Ogg page (1)"); // the site's comes first
        assertThat(MediaTools.tag(probe, "artist")).isEqualTo("Ogg Artist"); // the stream's own, copied by ffmpeg
        assertThat(MediaTools.tag(probe, "album")).isEqualTo("Ogg Album");
        assertThat(probe.path("streams").valueStream().map(stream -> stream.path("codec_type").asString()))
                .containsExactly("audio");
    }

    @Test
    void aHeadTooShortForTheProbeIsStillConvertedWithTheFilesCoverAndTags() throws Exception {
        MediaPipeline.Produced produced = piped(DataSize.ofMegabytes(50)).convert(url("/big.html"), this::described,
                AudioFormat.MP3, staging, NO_QUOTA, new NoProgress(), () -> false).produced();

        assertThat(produced.title()).isEqualTo("Big page (1)");
        assertThat(produced.durationMs()).isBetween(4_500L, 5_500L);
        JsonNode probe = MediaTools.probe(produced.file());
        assertThat(MediaTools.tag(probe, "artist")).isEqualTo("Flac Artist");
        assertThat(probe.path("streams").valueStream()
                .anyMatch(stream -> stream.path("disposition").path("attached_pic").asInt() == 1)).as("cover").isTrue();
        assertThat(staged()).noneMatch(name -> name.startsWith("source."));
    }

    @Test
    void aHeadProbeThatCannotRunStopsTheConversionAlreadyUnderWayAndKeepsNothing() {
        PipedConversion piped = piped(DataSize.ofMegabytes(50), Path.of("/nonexistent/ffprobe"));
        assertThatThrownBy(() -> piped.convert(url("/slow.html"), this::described, AudioFormat.MP3, staging, NO_QUOTA,
                new NoProgress(), () -> false)).isInstanceOf(UncheckedIOException.class);
        assertThat(staged()).noneMatch(name -> name.startsWith("result.") || name.startsWith("source."));
        await().atMost(Duration.ofSeconds(5)).until(() -> !running("ffmpeg") && !running("yt-dlp"));
    }

    @Test
    void anUnavailableSourceFailsAsUnavailableAndNothingIsConverted() {
        for (String page : List.of("/gone.html", "/dead.html")) { // the page itself, or the media it names
            assertThatThrownBy(() -> piped(DataSize.ofMegabytes(50)).convert(url(page), this::described,
                    AudioFormat.MP3, staging, NO_QUOTA, new NoProgress(), () -> false))
                    .as(page).isInstanceOfSatisfying(ImportFailure.class, failure -> {
                        assertThat(failure.error()).isEqualTo(ImportError.UNAVAILABLE);
                        assertThat(failure.reason()).isEqualTo("the source answered 404 Not Found");
                    });
            assertThat(staged()).noneMatch(name -> name.startsWith("result."));
        }
    }

    @Test
    void aSourceThatBreaksOffMidwayFailsAsANetworkErrorAndKeepsNothing() {
        assertThatThrownBy(() -> piped(DataSize.ofMegabytes(50)).convert(url("/cut.html"), this::described,
                AudioFormat.MP3, staging, NO_QUOTA, new NoProgress(), () -> false))
                .isInstanceOfSatisfying(ImportFailure.class, failure -> {
                    assertThat(failure.error()).isEqualTo(ImportError.NETWORK);
                    assertThat(failure.reason()).isEqualTo("the connection to the source broke off");
                });
        assertThat(staged()).noneMatch(name -> name.startsWith("result.") || name.startsWith("source."));
        await().atMost(Duration.ofSeconds(5)).until(() -> !running("ffmpeg") && !running("yt-dlp"));
    }

    @Test
    void aDeclaredOversizeFileIsRefusedByYtDlpBeforeItDownloads() {
        assertThatThrownBy(() -> piped(DataSize.ofKilobytes(100)).convert(url("/tone.html"), this::described,
                AudioFormat.MP3, staging, NO_QUOTA, new NoProgress(), () -> false))
                .isInstanceOfSatisfying(ImportFailure.class,
                        failure -> assertThat(failure.error()).isEqualTo(ImportError.TOO_LARGE));
        assertThat(staged()).noneMatch(name -> name.startsWith("result."));
    }

    @Test
    void aStreamGrowingPastTheLimitIsStoppedAndNothingIsKept() {
        assertThatThrownBy(() -> piped(DataSize.ofKilobytes(300)).convert(url("/chunked.html"), this::described,
                AudioFormat.MP3, staging, NO_QUOTA, new NoProgress(), () -> false))
                .isInstanceOfSatisfying(ImportFailure.class,
                        failure -> assertThat(failure.error()).isEqualTo(ImportError.TOO_LARGE));
        assertThat(staged()).noneMatch(name -> name.startsWith("result."));
        await().atMost(Duration.ofSeconds(5)).until(() -> !running("ffmpeg") && !running("yt-dlp"));
    }

    @Test
    void cancelKillsYtDlpAndFfmpegAndKeepsNothing() throws Exception {
        AtomicBoolean cancelled = new AtomicBoolean();
        PipedConversion piped = piped(DataSize.ofMegabytes(50));
        CompletableFuture<PipedConversion.Piped> run = CompletableFuture.supplyAsync(() -> {
            try {
                return piped.convert(url("/slow.html"), this::described, AudioFormat.MP3, staging,
                        NO_QUOTA, new NoProgress(),
                        cancelled::get);
            }
            catch (InterruptedException ex) {
                throw new IllegalStateException(ex);
            }
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> running("ffmpeg") && running("yt-dlp"));
        cancelled.set(true);
        assertThatThrownBy(() -> run.get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(CancellationException.class);
        await().atMost(Duration.ofSeconds(5)).until(() -> !running("ffmpeg") && !running("yt-dlp"));
        assertThat(staged()).noneMatch(name -> name.startsWith("result."));
    }

    @Test
    void mediaFfmpegCannotReadAsAStreamIsConvertedFromTheDownloadedFile() throws Exception {
        PipedConversion piped = piped(DataSize.ofMegabytes(50));
        PipedConversion.Piped fetched = piped.convert(url("/late.html"), this::described, AudioFormat.MP3, staging,
                NO_QUOTA, new NoProgress(), () -> false);
        assertThat(fetched.produced()).isNull();
        assertThat(fetched.downloaded()).hasFileName("source.m4a").hasBinaryContent(lateIndex);

        Path again = Files.createDirectories(work.resolve("again"));
        SourceMetadata known = new SourceMetadata("HTML5MediaEmbed", "late", "Late page", null, null, 0, false,
                List.of());
        MediaPipeline.Produced produced = pipeline(piped).produce(url("/late.html"), known, false, AudioFormat.OPUS,
                again, NO_QUOTA, new NoProgress(), () -> false);
        assertThat(produced.durationMs()).isBetween(59_000L, 61_000L);
        JsonNode probe = MediaTools.probe(produced.file());
        assertThat(MediaTools.audioCodec(probe)).isEqualTo("opus");
        assertThat(MediaTools.tag(probe, "title")).isEqualTo("Late page");
        assertThat(again.resolve("source.m4a")).isRegularFile();
    }

    /**
     * The owner's quota caps ffmpeg on both of yt-dlp's paths, converted as it downloads and from
     * the downloaded file: 20 s and a minute of WAV (~3.5 and ~10 MB) do not fit 500 kB.
     */
    @Test
    void aResultLargerThanTheOwnersQuotaLeftIsRefusedOnBothYtDlpPaths() throws Exception {
        assertThatThrownBy(() -> piped(DataSize.ofMegabytes(50)).convert(url("/tone.html"), this::described,
                AudioFormat.WAV, staging, () -> 500_000L, new NoProgress(), () -> false))
                .isInstanceOfSatisfying(ImportFailure.class,
                        failure -> assertThat(failure.error()).isEqualTo(ImportError.QUOTA_EXCEEDED));
        assertThat(staged()).noneMatch(name -> name.startsWith("result."));

        Path again = Files.createDirectories(work.resolve("again"));
        SourceMetadata known = new SourceMetadata("HTML5MediaEmbed", "late", "Late page", null, null, 0, false,
                List.of());
        assertThatThrownBy(() -> pipeline(piped(DataSize.ofMegabytes(50))).produce(url("/late.html"), known, false,
                AudioFormat.WAV, again, () -> 500_000L, new NoProgress(), () -> false))
                .isInstanceOfSatisfying(ImportFailure.class,
                        failure -> assertThat(failure.error()).isEqualTo(ImportError.QUOTA_EXCEEDED));
        assertThat(again.resolve("source.m4a")).as("converted from the file").isRegularFile();
        assertThat(again.resolve("result.wav")).doesNotExist();
    }

    @ParameterizedTest(name = "fragmented MP4: {0}")
    @ValueSource(booleans = { false, true })
    void anHlsPlaylistIsConvertedWhileYtDlpJoinsItsSegmentsIntoTheConversion(boolean fragmentedMp4) throws Exception {
        serveHls("/hls/", Set.of(), fragmentedMp4);

        PipedConversion.Piped piped = piped(DataSize.ofMegabytes(50)).convert(url("/hls/play.m3u8"), this::described,
                AudioFormat.MP3, staging, NO_QUOTA, new NoProgress(), () -> false);

        MediaPipeline.Produced produced = piped.produced();
        assertThat(produced).isNotNull();
        assertThat(produced.title()).isEqualTo("play"); // yt-dlp's generic extractor names it after the file
        assertThat(produced.durationMs()).isBetween(59_500L, 60_500L);
        JsonNode probe = MediaTools.probe(produced.file());
        assertThat(MediaTools.audioCodec(probe)).isEqualTo("mp3");
        assertThat(probe.path("format").path("duration").asDouble()).isBetween(59.5, 60.5);
        // the segments went through the pipe, never into a file
        assertThat(staged()).noneMatch(name -> name.startsWith("source."));
    }

    @Test
    void anHlsPlaylistWithAMissingSegmentFailsAsTheSourcesFailureAndKeepsNothing() throws Exception {
        // past the head: ffmpeg is converting when yt-dlp meets the hole
        serveHls("/holed/", Set.of("seg10.ts"), false);

        assertThatThrownBy(() -> piped(DataSize.ofMegabytes(50)).convert(url("/holed/play.m3u8"), this::described,
                AudioFormat.MP3, staging, NO_QUOTA, new NoProgress(), () -> false))
                .isInstanceOfSatisfying(ImportFailure.class, failure -> {
                    assertThat(failure.error()).isEqualTo(ImportError.UNAVAILABLE);
                    assertThat(failure.reason()).isEqualTo("the source answered 404 Not Found");
                });
        assertThat(staged()).noneMatch(name -> name.startsWith("result.") || name.startsWith("source."));
        await().atMost(Duration.ofSeconds(5)).until(() -> !running("ffmpeg") && !running("yt-dlp"));
    }

    @Test
    void anHlsSegmentOnAForbiddenAddressIsRefusedAndNeverContacted() {
        byte[] playlist = ("#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:4\n#EXT-X-PLAYLIST-TYPE:VOD\n#EXTINF:4.0,\n"
                + loopback.internalUrl("/seg0.ts") + "\n#EXT-X-ENDLIST\n").getBytes(StandardCharsets.UTF_8);
        loopback.origin("/inside.m3u8", exchange -> send(exchange, "application/vnd.apple.mpegurl", playlist,
                playlist.length, 0));

        assertThatThrownBy(() -> piped(DataSize.ofMegabytes(50)).convert(url("/inside.m3u8"), this::described,
                AudioFormat.MP3, staging, NO_QUOTA, new NoProgress(), () -> false))
                .isInstanceOfSatisfying(ImportFailure.class,
                        failure -> assertThat(failure.error()).isEqualTo(ImportError.BLOCKED_ADDRESS));
        assertThat(loopback.internalHits()).isZero();
        assertThat(staged()).noneMatch(name -> name.startsWith("result.") || name.startsWith("source."));
    }

    /**
     * Serves a 60-second HLS rendition (4-second segments) under {@code prefix}, answering 404 for
     * the segments named in {@code missing}.
     */
    private void serveHls(String prefix, Set<String> missing, boolean fragmentedMp4)
            throws IOException, InterruptedException {
        Path dir = Files.createDirectories(work.resolve("hls-" + prefix.replace("/", "")));
        MediaTools.hls(dir, 60, 4, fragmentedMp4);
        loopback.origin(prefix, exchange -> {
            String name = exchange.getRequestURI().getPath().substring(prefix.length());
            Path file = dir.resolve(name).normalize();
            if (missing.contains(name) || !file.getParent().equals(dir) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            byte[] body = Files.readAllBytes(file);
            String type = name.endsWith(".m3u8") ? "application/vnd.apple.mpegurl"
                    : name.endsWith(".ts") ? "video/mp2t" : "audio/mp4";
            send(exchange, type, body, body.length, 0);
        });
    }

    /** What the run's info JSON says, as the pipeline's look-up would read it. */
    private SourceMetadata described() {
        try {
            JsonNode info = JSON.readTree(Files.readString(staging.resolve(YtDlp.INFO_FILE)));
            return new SourceMetadata(info.path("extractor_key").asString(), info.path("id").asString(),
                    info.path("title").asString(null), null, null, info.path("duration").asLong(0), false, List.of());
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private IngestProperties properties(DataSize maxFilesize) {
        return new IngestProperties(List.of("example.org"), List.of("127.0.0.1/32"), 50, 100, 3, Duration.ofHours(1),
                maxFilesize, Duration.ofSeconds(10), Duration.ofMinutes(2), Duration.ofHours(3), 1, 1000,
                Duration.ofSeconds(30), null, List.of());
    }

    private PipedConversion piped(DataSize maxFilesize) {
        return piped(maxFilesize, Path.of("ffprobe"));
    }

    private PipedConversion piped(DataSize maxFilesize, Path ffprobe) {
        IngestProperties properties = properties(maxFilesize);
        ProcessRunner processes = new ProcessRunner();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        PipedDownload downloads = new PipedDownload(new YtDlp(Path.of("yt-dlp"), maxFilesize, Duration.ofSeconds(10)),
                loopback.guard(), processes, new YtDlpRunOptions(properties), properties, meters);
        return new PipedConversion(downloads, probe(processes, ffprobe), new Ffmpeg(Path.of("ffmpeg")),
                new FfmpegConversion(processes, new DiskReserve(work, DataSize.ofMegabytes(1)), properties, meters), JSON,
                properties);
    }

    private MediaPipeline pipeline(PipedConversion piped) {
        IngestProperties properties = properties(DataSize.ofMegabytes(50));
        ProcessRunner processes = new ProcessRunner();
        Ffmpeg ffmpeg = new Ffmpeg(Path.of("ffmpeg"));
        // a known source and no direct link: neither the look-up nor the direct path is asked
        return new MediaPipeline(properties, new AudioConversion(ffmpeg), probe(processes, Path.of("ffprobe")), null,
                null, piped, new FfmpegConversion(processes, new DiskReserve(work, DataSize.ofMegabytes(1)), properties,
                        new SimpleMeterRegistry()));
    }

    private static MediaProbe probe(ProcessRunner processes, Path ffprobe) {
        return new MediaProbe(processes, new MediaProperties(Path.of("yt-dlp"), Path.of("ffmpeg"), ffprobe,
                Duration.ofSeconds(30), Duration.ZERO), JSON);
    }

    /** An AAC tone in MP4 with its index written last, as ffmpeg does without {@code +faststart}. */
    private static Path lateIndex(Path file, int seconds) throws IOException, InterruptedException {
        return ffmpeg(file, "-f", "lavfi", "-i", "sine=frequency=550:duration=" + seconds, "-c:a", "aac", "-b:a",
                "128k");
    }

    /** Writes {@code file} with ffmpeg from {@code inputsAndOptions}. */
    private static Path ffmpeg(Path file, String... inputsAndOptions) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-y"));
        command.addAll(List.of(inputsAndOptions));
        command.add(file.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException("ffmpeg failed: " + output);
        }
        return file;
    }

    private void page(String path, String media) {
        String title = Character.toUpperCase(path.charAt(1)) + path.substring(2, path.indexOf('.')) + " page";
        byte[] html = ("<!DOCTYPE html><html><head><title>" + title + "</title></head><body><audio src=\"" + media
                + "\"></audio></body></html>").getBytes(StandardCharsets.UTF_8);
        loopback.origin(path, exchange -> send(exchange, "text/html; charset=utf-8", html, html.length, 0));
    }

    private String url(String path) {
        return loopback.url(path);
    }

    private List<String> staged() {
        try (Stream<Path> files = Files.list(staging)) {
            return files.map(file -> file.getFileName().toString()).toList();
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Whether a tool started by this JVM runs (this test's downloads and conversions). */
    private static boolean running(String tool) {
        return ProcessHandle.current().descendants().anyMatch(process -> process.isAlive()
                && process.info().commandLine().orElse("").contains(tool));
    }
}
