package dev.encore.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.encore.support.Api;
import dev.encore.support.MediaTools;
import dev.encore.support.Multipart;
import dev.encore.support.PackagedJar;
import dev.encore.support.TestAccounts;
import dev.encore.support.TestAccounts.Account;

/**
 * The packaged jar started as a new user does, in a directory of their choice with a relative
 * data directory (the default {@code ./data} is one): paths from settings are made absolute once,
 * so a transcode, whose ffmpeg runs in a directory of its own, still finds its files.
 */
class RelativeDataDirIT {

    @TempDir
    Path work;

    private Process process;

    @Test
    void aRelativeDataDirectoryServesTranscodedStreams() throws Exception {
        MediaTools.require("ffmpeg", "ffprobe");
        int port = PackagedJar.freePort();
        Path log = work.resolve("encore.log");
        process = PackagedJar.process(List.of(PackagedJar.java(), "-jar", PackagedJar.jar().toString(),
                "--server.port=" + port, "--encore.data-dir=data", "--encore.storage.local.path=store",
                "--spring.profiles.active=default"))
                .directory(work.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        PackagedJar.awaitLive(process, port, log);
        Api api = new Api(port);
        Account user = new TestAccounts(api).user();
        byte[] tone = Files.readAllBytes(MediaTools.tone(work.resolve("tone.mp3"), "Relative", 440, 2));
        String stream = "/api/v1/tracks/" + Multipart.track(api, user.accessToken(), tone, "Somewhere")
                + "/stream?format=opus";
        // 503 with Retry-After while it is being made
        HttpResponse<byte[]> opus = await("the rendition").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> api.sendBytes(api.request(stream).header("Authorization", "Bearer " + user.accessToken())
                        .GET()), answer -> answer.statusCode() != 503);
        assertThat(opus.statusCode()).as(new String(opus.body()) + PackagedJar.read(log)).isEqualTo(200);
        Path rendition = Files.write(work.resolve("rendition.opus"), opus.body());
        assertThat(MediaTools.audioCodec(MediaTools.probe(rendition))).isEqualTo("opus");

        assertThat(work.resolve("data/db")).as("the data directory, under the working directory").isDirectory();
        assertThat(regularFiles(work.resolve("store"))).as("blobs where encore.storage.local.path said").hasSize(2);
    }

    @AfterEach
    void stop() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
    }

    private static List<Path> regularFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
