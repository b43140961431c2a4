package dev.encore.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

import dev.encore.media.ProcessRunner;
import dev.encore.media.YtDlp;
import dev.encore.support.GuardedLoopback;
import dev.encore.support.MediaTools;

/**
 * The real yt-dlp, run as Encore runs it, against a loopback server: it fetches through the
 * egress guard, and a redirect to a non-trusted address (127.0.0.2) is refused.
 */
class YtDlpThroughEgressGuardIT {

    @TempDir
    Path work;

    private GuardedLoopback loopback;

    @BeforeEach
    void start() throws Exception {
        MediaTools.require("yt-dlp", "ffmpeg");
        byte[] tone = Files.readAllBytes(MediaTools.tone(Files.createDirectories(work.resolve("media")), "Guarded Tone"));
        loopback = new GuardedLoopback(tone).origin("/tone.mp3", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "audio/mpeg");
            exchange.sendResponseHeaders(200, tone.length);
            exchange.getResponseBody().write(tone);
            exchange.close();
        });
    }

    @AfterEach
    void stop() throws IOException {
        if (loopback != null) {
            loopback.close();
        }
    }

    @Test
    void downloadsThroughTheGuard() throws Exception {
        Path staging = Files.createDirectories(work.resolve("ok"));
        try (EgressGuard.Lease lease = loopback.guard().lease()) {
            ProcessRunner.Result result = run(loopback.url("/tone.mp3"), staging, lease);
            assertThat(result.succeeded()).as(String.join("\n", result.stderrTail())).isTrue();
            assertThat(result.stderrTail()).anySatisfy(line -> assertThat(line).contains("\"status\": \"finished\""));
        }
        try (var files = Files.list(staging)) { // the media went to standard output
            assertThat(files.map(path -> path.getFileName().toString())).containsExactly(YtDlp.INFO_FILE);
        }
    }

    @Test
    void aRedirectToANonTrustedAddressIsRefused() throws Exception {
        Path staging = Files.createDirectories(work.resolve("refused"));
        try (EgressGuard.Lease lease = loopback.guard().lease()) {
            ProcessRunner.Result result = run(loopback.url("/moved.mp3"), staging, lease);
            assertThat(result.succeeded()).isFalse();
            assertThat(lease.refused()).contains("127.0.0.2");
        }
        assertThat(loopback.internalHits()).isZero();
        try (var files = Files.list(staging)) {
            assertThat(files).isEmpty();
        }
    }

    private ProcessRunner.Result run(String url, Path staging, EgressGuard.Lease lease) throws InterruptedException {
        YtDlp ytdlp = new YtDlp(Path.of("yt-dlp"), DataSize.ofMegabytes(50), Duration.ofSeconds(10));
        return new ProcessRunner().run(new ProcessRunner.Spec(ytdlp.downloadToStdout(url, staging, lease.proxyUrl()),
                staging, Duration.ofSeconds(60), Map.of()), line -> { });
    }
}
