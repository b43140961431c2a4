package dev.encore.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

import dev.encore.media.ProcessRunner;
import dev.encore.media.YtDlp;
import dev.encore.support.MediaTools;

/**
 * The real yt-dlp, run as Encore runs it, against a loopback server: it fetches through the
 * egress guard, and a redirect to a non-trusted address (127.0.0.2) is refused.
 */
class YtDlpThroughEgressGuardIT {

    @TempDir
    Path work;

    private HttpServer origin;
    private HttpServer internal;
    private final AtomicInteger internalHits = new AtomicInteger();
    private EgressGuard guard;

    @BeforeEach
    void start() throws Exception {
        MediaTools.require("yt-dlp", "ffmpeg");
        byte[] tone = Files.readAllBytes(MediaTools.tone(Files.createDirectories(work.resolve("media")), "Guarded Tone"));
        internal = HttpServer.create(new InetSocketAddress("127.0.0.2", 0), 0);
        internal.createContext("/", exchange -> {
            internalHits.incrementAndGet();
            exchange.getResponseHeaders().add("Content-Type", "audio/mpeg");
            exchange.sendResponseHeaders(200, tone.length);
            exchange.getResponseBody().write(tone);
            exchange.close();
        });
        internal.start();
        origin = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        origin.createContext("/tone.mp3", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "audio/mpeg");
            exchange.sendResponseHeaders(200, tone.length);
            exchange.getResponseBody().write(tone);
            exchange.close();
        });
        origin.createContext("/moved.mp3", exchange -> {
            exchange.getResponseHeaders().add("Location",
                    "http://127.0.0.2:" + internal.getAddress().getPort() + "/secret.mp3");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        origin.start();
        SourcePolicy.Resolver resolver = InetAddress::getAllByName;
        guard = new EgressGuard(new SourcePolicy(List.of("example.org"), List.of("127.0.0.1/32"), resolver), resolver,
                Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() throws IOException {
        if (guard != null) {
            guard.close();
            origin.stop(0);
            internal.stop(0);
        }
    }

    @Test
    void downloadsThroughTheGuard() throws Exception {
        Path staging = Files.createDirectories(work.resolve("ok"));
        try (EgressGuard.Lease lease = guard.lease()) {
            ProcessRunner.Result result = run(url("/tone.mp3"), staging, lease);
            assertThat(result.succeeded()).as(String.join("\n", result.stderrTail())).isTrue();
        }
        try (var files = Files.list(staging)) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactly("source.mp3");
        }
    }

    @Test
    void aRedirectToANonTrustedAddressIsRefused() throws Exception {
        Path staging = Files.createDirectories(work.resolve("refused"));
        try (EgressGuard.Lease lease = guard.lease()) {
            ProcessRunner.Result result = run(url("/moved.mp3"), staging, lease);
            assertThat(result.succeeded()).isFalse();
            assertThat(lease.refused()).contains("127.0.0.2");
        }
        assertThat(internalHits).hasValue(0);
        try (var files = Files.list(staging)) {
            assertThat(files).isEmpty();
        }
    }

    private String url(String path) {
        return "http://127.0.0.1:" + origin.getAddress().getPort() + path;
    }

    private ProcessRunner.Result run(String url, Path staging, EgressGuard.Lease lease) throws InterruptedException {
        YtDlp ytdlp = new YtDlp(Path.of("yt-dlp"), DataSize.ofMegabytes(50), Duration.ofSeconds(10));
        return new ProcessRunner().run(new ProcessRunner.Spec(ytdlp.download(url, staging, lease.proxyUrl()), staging,
                Duration.ofSeconds(60), Map.of()), line -> { });
    }
}
