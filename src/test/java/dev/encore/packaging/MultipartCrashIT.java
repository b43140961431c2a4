package dev.encore.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
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
 * The part of a multipart upload the packaged jar was receiving when it was killed is deleted at
 * its next start: Tomcat spools parts in the node's staging area, not in a directory of its own in
 * the temporary directory, and neither run leaves anything there. Started as a new user does, with
 * the relative default data directory.
 */
class MultipartCrashIT {

    private static final Duration START = Duration.ofMinutes(3);
    private static final int DECLARED = 8 << 20;
    private static final int SENT = 1 << 20;

    @TempDir
    Path work;

    private Process process;

    @Test
    void thePartOfAnUploadCutOffByACrashIsGoneAfterTheRestart() throws Exception {
        MediaTools.require("ffmpeg", "ffprobe");
        Path tmp = Files.createDirectory(work.resolve("tmp"));
        Path spool = work.resolve("data/staging/multipart");
        int port = PackagedJar.freePort();
        process = start("first.log", port, tmp);
        Api api = new Api(port);
        Account user = new TestAccounts(api).user();

        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            beginUpload(out, port, user.accessToken());
            out.write(new byte[SENT]);
            out.flush();
            await("the part spooled").atMost(Duration.ofSeconds(20)).until(() -> spooled(spool) >= SENT / 2);
            process.destroyForcibly(); // SIGKILL while the request still waits for the rest of its body
            assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(entries(spool)).as("the part the killed process left").hasSize(1);
        process = start("second.log", port, tmp);

        assertThat(entries(spool)).as("deleted at the start").isEmpty();
        assertThat(PackagedJar.read(work.resolve("second.log")))
                .contains("Deleted 1 staging directories and spooled upload parts left by the previous run");
        byte[] tone = Files.readAllBytes(MediaTools.tone(work.resolve("tone.mp3"), "After", 440, 2));
        assertThat(Multipart.stored(api, user.accessToken(), "after.mp3", "audio/mpeg", tone))
                .as("uploads go through the spool after the restart").isNotBlank();
        assertThat(entries(spool)).as("a finished upload's part is deleted by Tomcat").isEmpty();
        assertThat(entries(tmp)).as("nothing outside the data directory (no tomcat.* or tomcat-docbase.*)").isEmpty();
    }

    /** The jar started in {@code work} on its relative default data directory, {@code tmp} its temporary directory. */
    private Process start(String log, int port, Path tmp) throws IOException, InterruptedException {
        Process started = PackagedJar.process(List.of(PackagedJar.java(), "-Djava.io.tmpdir=" + tmp, "-jar",
                PackagedJar.jar().toString(), "--server.port=" + port, "--spring.profiles.active=default"))
                .directory(work.toFile()).redirectErrorStream(true).redirectOutput(work.resolve(log).toFile()).start();
        PackagedJar.awaitLive(started, port, work.resolve(log), START);
        return started;
    }

    /** The request line, headers and the start of a part of {@value #DECLARED} bytes. */
    private static void beginUpload(OutputStream out, int port, String token) throws IOException {
        String boundary = "encore" + UUID.randomUUID();
        String part = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.mp3\"\r\n"
                + "Content-Type: audio/mpeg\r\n\r\n";
        String end = "\r\n--" + boundary + "--\r\n";
        out.write(("POST /api/v1/uploads HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: multipart/form-data; boundary=" + boundary + "\r\nContent-Length: "
                + (part.length() + DECLARED + end.length()) + "\r\n\r\n" + part).getBytes(StandardCharsets.US_ASCII));
    }

    /** Bytes in the spool's files. */
    private static long spooled(Path spool) throws IOException {
        long bytes = 0;
        for (Path file : entries(spool)) {
            bytes += Files.size(file);
        }
        return bytes;
    }

    private static List<Path> entries(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.toList();
        }
    }

    @AfterEach
    void stop() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
