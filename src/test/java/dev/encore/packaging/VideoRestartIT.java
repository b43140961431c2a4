package dev.encore.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
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
import dev.encore.support.MediaTools;
import dev.encore.support.Multipart;
import dev.encore.support.PackagedJar;
import dev.encore.support.TestAccounts;
import dev.encore.support.TestAccounts.Account;

/**
 * Crash safety of video processing: the packaged jar is killed (SIGKILL) while ffmpeg works on a
 * video; started again on the same data directory, JobRunr runs the job again from the start and
 * the video becomes ready. Meanwhile the original plays and no part of a ladder is ever shown.
 */
class VideoRestartIT {

    /** Two starts and ffmpeg in one test: a loaded 2-core machine may need more than the usual 90 s to start. */
    private static final Duration START = Duration.ofMinutes(3);

    @TempDir
    Path work;

    private Process process;
    private List<ProcessHandle> tools = List.of();

    @Test
    void aVideoProcessingWhenTheProcessDiesBecomesReadyAfterRestart() throws Exception {
        MediaTools.require("ffmpeg", "ffprobe");
        Path source = work.resolve("source.mp4"); // 20 s of 360p: long enough (on one ffmpeg thread) to kill the job midway
        run(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i",
                "testsrc2=size=640x360:rate=30:duration=20", "-f", "lavfi", "-i", "sine=frequency=440:duration=20",
                "-c:v", "libx264", "-preset", "veryfast", "-crf", "38", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a",
                "32k", source.toString()));

        int port = PackagedJar.freePort();
        process = start(port, "first.log");
        PackagedJar.awaitLive(process, port, work.resolve("first.log"), START);
        Account user = new TestAccounts(new Api(port)).user();
        Api api = new Api(port);
        HttpResponse<String> uploaded = api.send(Multipart.upload(api, "/api/v1/uploads", user.accessToken(),
                "source.mp4", "video/mp4", Files.readAllBytes(source)));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        HttpResponse<String> created = api.postJson("/api/v1/videos", "{\"uploadId\":\""
                + Api.json(uploaded).path("id").asString() + "\"}", user.accessToken());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = Api.json(created).path("id").asString();
        JsonNode midway = await("processing under way").atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(200)).until(() -> video(port, user, id),
                        now -> now.path("processing").path("progress").asInt() > 5);
        assertNoLadderUnlessReady(midway);
        assertThat(midway.path("processing").path("state").asString()).isEqualTo("processing");

        tools = process.descendants()
                .filter(handle -> handle.info().command().orElse("").endsWith("ffmpeg")).toList();
        assertThat(tools).as("ffmpeg works on the video").isNotEmpty();
        process.destroyForcibly(); // SIGKILL: no shutdown hooks, ffmpeg's output half made
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(videoStaging()).as("the killed attempt left its half ladder behind").isNotEmpty();
        assertThat(tools).as("its ffmpeg outlives it").anyMatch(ProcessHandle::isAlive);
        for (ProcessHandle tool : tools) { // frozen, so it cannot finish on its own before the restart looks
            run(List.of("kill", "-STOP", Long.toString(tool.pid())));
        }

        process = start(port, "second.log");
        PackagedJar.awaitLive(process, port, work.resolve("second.log"), START);
        assertThat(tools).as("the restart stopped the killed run's ffmpeg: it would write on into the job's "
                + "directory beside the new attempt").noneMatch(ProcessHandle::isAlive);
        JsonNode afterRestart = video(port, user, id);
        assertNoLadderUnlessReady(afterRestart);
        assertThat(original(port, user, id)).as("the original plays while the video is processed again")
                .isEqualTo(206);
        JsonNode ready = awaitReady(port, user, id);
        assertThat(ready.path("renditions").valueStream().map(rendition -> rendition.path("name").asString()))
                .containsExactly("360p", "240p", "audio");
        assertThat(ready.path("width").asInt()).isEqualTo(640);
        assertThat(ready.path("hlsUrl").asString()).endsWith("/hls/master.m3u8");
        assertThat(videoStaging()).as("cleared at the restart, and the finished attempt's own removed").isEmpty();
    }

    /** Renditions and processed URLs exist only together with the ready state: never half a ladder. */
    private static void assertNoLadderUnlessReady(JsonNode video) {
        if (!video.path("processing").path("state").asString().equals("ready")) {
            assertThat(video.path("renditions").isEmpty()).as(video.toString()).isTrue();
            assertThat(video.path("hlsUrl").isMissingNode() || video.path("hlsUrl").isNull()).as(video.toString())
                    .isTrue();
        }
    }

    private JsonNode awaitReady(int port, Account user, String id) {
        AtomicReference<JsonNode> current = new AtomicReference<>();
        try {
            return await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500)).until(() -> {
                JsonNode now = video(port, user, id);
                assertNoLadderUnlessReady(now);
                current.set(now);
                return now;
            }, now -> now.path("processing").path("state").asString().equals("ready"));
        }
        catch (ConditionTimeoutException notReached) {
            throw new AssertionError("video did not become ready: " + current.get() + "\n"
                    + read("second.log").lines().filter(line -> line.contains("ERROR") || line.contains("WARN"))
                            .limit(20).toList());
        }
    }

    private static JsonNode video(int port, Account user, String id) {
        // a fresh client address each time: polling never trips the per-client limit
        HttpResponse<String> response = new Api(port).get("/api/v1/videos/" + id, user.accessToken());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Api.json(response);
    }

    private static int original(int port, Account user, String id) {
        Api api = new Api(port);
        return api.sendBytes(api.request("/api/v1/videos/" + id + "/stream")
                .header("Authorization", "Bearer " + user.accessToken()).header("Range", "bytes=0-99").GET())
                .statusCode();
    }

    /** Video attempts' staging directories on the node now. */
    private List<Path> videoStaging() throws IOException {
        try (java.util.stream.Stream<Path> dirs = Files.list(work.resolve("data/staging"))) {
            return dirs.filter(dir -> dir.getFileName().toString().startsWith("video-")).toList();
        }
    }

    @AfterEach
    void stop() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
        tools.forEach(ProcessHandle::destroyForcibly);
    }

    private Process start(int port, String log) throws IOException {
        return PackagedJar.start(work.resolve(log), "--server.port=" + port,
                "--encore.data-dir=" + work.resolve("data"),
                // one thread: the job lasts long enough to be killed midway, even on a fast machine
                "--encore.video.ffmpeg-threads=1",
                "--spring.profiles.active=default");
    }

    private String read(String log) {
        return PackagedJar.read(work.resolve(log));
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process ffmpeg = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(ffmpeg.getInputStream().readAllBytes());
        if (ffmpeg.waitFor() != 0) {
            throw new IllegalStateException("ffmpeg failed: " + output);
        }
    }
}
