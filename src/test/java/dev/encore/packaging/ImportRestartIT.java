package dev.encore.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;

import dev.encore.support.Api;
import dev.encore.support.MediaServer;
import dev.encore.support.MediaTools;
import dev.encore.support.PackagedJar;
import dev.encore.support.TestAccounts;
import dev.encore.support.TestAccounts.Account;

/**
 * Crash safety: the packaged jar is killed (SIGKILL), or shut down (SIGTERM) with a grace shorter
 * than the import, while an import downloads; started again on the same data directory, it picks
 * the import up again and finishes it.
 */
class ImportRestartIT {

    @TempDir
    Path work;

    private Process process;
    private MediaServer origin;

    @Test
    void anImportRunningWhenTheProcessDiesFinishesAfterRestart() throws Exception {
        interruptAndRestart(false);
    }

    @Test
    void anImportRunningAtShutdownIsRequeuedAndFinishesAfterRestart() throws Exception {
        interruptAndRestart(true);
    }

    /** Starts an import, stops the process mid-download (SIGTERM or SIGKILL), restarts it, expects success. */
    private void interruptAndRestart(boolean graceful) throws Exception {
        MediaTools.require("yt-dlp", "ffmpeg", "ffprobe");
        origin = new MediaServer();
        // about 8 seconds to download: long enough to stop the process in the middle
        origin.file("/long.mp3", MediaTools.tone(work.resolve("long.mp3"), "Survivor", 600, 6), "audio/mpeg", 9000);

        int port = PackagedJar.freePort();
        process = start(port, "first.log");
        PackagedJar.awaitLive(process, port, work.resolve("first.log"));
        Account user = new TestAccounts(new Api(port)).user();
        Api api = new Api(port);
        HttpResponse<String> accepted = api.postJson("/api/v1/imports", "{\"url\":\"" + origin.url("/long.mp3")
                + "\",\"format\":\"opus\"}", user.accessToken());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String id = Api.json(accepted).path("id").asString();
        awaitStatus(port, user.accessToken(), id, Duration.ofSeconds(60), "RUNNING");
        JsonNode running = await("the download under way").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> Api.json(new Api(port).get("/api/v1/imports/" + id, user.accessToken())),
                        now -> "downloading".equals(now.path("phase").asString()) && now.path("progress").asInt() > 5);
        assertThat(running.path("phase").asString()).as("the download is under way: " + running)
                .isEqualTo("downloading");
        int fetchesBeforeTheCrash = origin.bodies("/long.mp3");

        if (graceful) {
            process.destroy(); // SIGTERM: the running import gets the (2 s) grace, then is interrupted and re-queued
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("exits").isTrue();
            assertThat(process.exitValue()).as(read("first.log")).isZero();
            assertThat(read("first.log")).as("the re-queue wrote to an open database (it closes last)")
                    .doesNotContain("Database is already closed");
        }
        else {
            process.destroyForcibly(); // SIGKILL: no shutdown hooks, no graceful anything
            assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(importStaging()).as("the killed attempt left its half download behind").isNotEmpty();
        }

        process = start(port, "second.log");
        PackagedJar.awaitLive(process, port, work.resolve("second.log"));
        JsonNode done = awaitStatus(port, user.accessToken(), id, Duration.ofMinutes(3), "SUCCEEDED", "FAILED",
                "PARTIAL", "CANCELLED");
        assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
        assertThat(origin.bodies("/long.mp3")).as("fetched again after the restart").isGreaterThan(fetchesBeforeTheCrash);
        String fileId = done.path("items").get(0).path("fileId").asString();
        HttpResponse<String> file = new Api(port).get("/api/v1/files/" + fileId, user.accessToken());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(Api.json(file).path("filename").asString()).isEqualTo("Survivor.opus");
        assertThat(importStaging()).as("cleared at the restart, and the finished attempt's own removed").isEmpty();
    }

    /** Import attempts' staging directories on the node now. */
    private List<Path> importStaging() throws IOException {
        try (java.util.stream.Stream<Path> dirs = java.nio.file.Files.list(work.resolve("data/staging"))) {
            return dirs.filter(dir -> dir.getFileName().toString().startsWith("import-")).toList();
        }
    }

    @AfterEach
    void stop() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
        if (origin != null) {
            origin.close();
        }
    }

    private Process start(int port, String log) throws IOException {
        return PackagedJar.start(work.resolve(log), "--server.port=" + port,
                "--encore.data-dir=" + work.resolve("data"),
                "--encore.ingest.trusted-networks=127.0.0.1/32",
                "--encore.ingest.shutdown-grace=2s",
                "--spring.profiles.active=default");
    }

    private JsonNode awaitStatus(int port, String token, String id, Duration timeout, String... statuses)
            throws InterruptedException {
        AtomicReference<JsonNode> current = new AtomicReference<>();
        try {
            return await().atMost(timeout).pollInterval(Duration.ofMillis(500)).until(() -> {
                // a fresh client address each time: polling never trips the per-client limit
                HttpResponse<String> response = new Api(port).get("/api/v1/imports/" + id, token);
                if (response.statusCode() == 200) {
                    current.set(Api.json(response));
                }
                return current.get();
            }, now -> now != null && List.of(statuses).contains(now.path("status").asString()));
        }
        catch (ConditionTimeoutException notReached) {
            // the assertion below says why
        }
        throw new AssertionError("import did not reach " + List.of(statuses) + ": " + current.get() + "\n"
                + read("second.log").lines().filter(line -> line.contains("ERROR") || line.contains("WARN"))
                        .limit(20).toList());
    }

    private String read(String log) {
        return PackagedJar.read(work.resolve(log));
    }
}
