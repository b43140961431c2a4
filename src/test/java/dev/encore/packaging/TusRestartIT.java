package dev.encore.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;

import dev.encore.library.upload.TusClient;
import dev.encore.support.Api;
import dev.encore.support.MediaTools;
import dev.encore.support.PackagedJar;
import dev.encore.support.TestAccounts;
import dev.encore.support.TestAccounts.Account;

/**
 * A resumable upload keeps what arrived when the packaged jar dies in the middle of a PATCH, before
 * it could record the new offset: the chunk was being written in place in the local store, and
 * after the restart (which frees the dead process's lease at once) HEAD names the end of its bytes,
 * and the upload resumes from there into the same file the client sent.
 */
class TusRestartIT {

    private static final Duration START = Duration.ofMinutes(3);

    @TempDir
    Path work;

    private Process process;

    @Test
    void bytesStagedByAPatchCutOffByACrashCountAfterTheRestart() throws Exception {
        MediaTools.require("ffmpeg", "ffprobe");
        byte[] song = Files.readAllBytes(MediaTools.tone(work.resolve("song.mp3"), "Crash Song", 520, 20));
        int sent = song.length / 2;
        int port = PackagedJar.freePort();
        process = PackagedJar.startEmbedded(work, "first.log", port, START);
        Api api = new Api(port);
        Account user = new TestAccounts(api).user();
        TusClient tus = new TusClient(api, user.accessToken());
        String location = tus.start(song.length, "Crash Song.mp3");

        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            tus.beginPatch(out, location, 0, song.length);
            out.write(song, 0, sent);
            out.flush();
            await().atMost(Duration.ofSeconds(20)).until(() -> staged() == sent);
            process.destroyForcibly(); // SIGKILL while the request still waits for the rest of its body
            assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
        process = PackagedJar.startEmbedded(work, "second.log", port, START);

        HttpResponse<String> head = tus.head(location);
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Upload-Offset")).as("the staged bytes count")
                .hasValue(Integer.toString(sent));
        assertThat(tus.patch(location, 0, song, 0, 100).statusCode()).as("the old offset is taken").isEqualTo(409);
        HttpResponse<String> rest = tus.patch(location, sent, song, sent, song.length);
        assertThat(rest.statusCode()).as(rest.body()).isEqualTo(204);
        String uploadId = rest.headers().firstValue("Encore-Upload-Id").orElseThrow();
        JsonNode upload = Api.json(api.get("/api/v1/uploads/" + uploadId, user.accessToken()));
        assertThat(upload.path("size").asLong()).isEqualTo(song.length);
        assertThat(upload.path("title").asString()).isEqualTo("Crash Song");
        assertThat(upload.path("durationMs").asLong()).isBetween(19_000L, 21_000L);
    }

    /** The size of the one resumable upload's chunk being written, in place in the local store (-1 before it exists). */
    private long staged() throws IOException {
        Path chunks = work.resolve("data/blobs/.parts/tus");
        if (!Files.isDirectory(chunks)) {
            return -1;
        }
        try (Stream<Path> files = Files.walk(chunks)) {
            Path chunk = files.filter(Files::isRegularFile).findFirst().orElse(null);
            return chunk == null ? -1 : Files.size(chunk);
        }
    }

    @AfterEach
    void stop() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
