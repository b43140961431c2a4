package dev.encore.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;

import dev.encore.library.upload.TusClient;
import dev.encore.support.Api;
import dev.encore.support.MediaServer;
import dev.encore.support.MediaTools;
import dev.encore.support.Multipart;
import dev.encore.support.PackagedJar;
import dev.encore.support.ProblemAssert;
import dev.encore.support.TestAccounts;
import dev.encore.support.TestAccounts.Account;

/**
 * A disk that fills up: the data directory lies on a small tmpfs (mounting one needs root, as CI
 * has; elsewhere the test is skipped), which a filler file brings down to 1 MB above the reserve
 * Encore keeps free there ({@code encore.storage.min-free-space}). An import whose result would not
 * fit fails with {@code storage-full} and keeps nothing (ffmpeg stops at the size it was given; never a
 * cut-off file filed as a finished one), uploads and a rendition that would not fit are answered 507
 * {@code insufficient-storage} (the rendition is not marked failed: it is made once there is room), and the
 * database, which lives on the same disk, keeps working. Once space is freed, everything works again.
 */
class DiskFullIT {

    private static final long RESERVE = 4 * 1024 * 1024;
    /** What the filler leaves above the reserve: less than any of the files below. */
    private static final long ABOVE_RESERVE = 1024 * 1024;

    @TempDir
    Path work;

    private Path disk;
    private boolean mounted;
    private Process process;
    private MediaServer origin;

    @Test
    void whatWouldNotFitAboveTheReserveIsRefusedCleanlyAndWorksOnceThereIsRoom() throws Exception {
        MediaTools.require("ffmpeg", "ffprobe", "yt-dlp");
        mountSmallDisk();
        // 5 minutes of tone: about 1.7 MB of MP3, more than the disk has above its reserve
        Path wav = tone(work.resolve("tone.wav"), 300);
        origin = new MediaServer().file("/tone.wav", wav, "audio/wav", 200_000_000);
        byte[] mp3 = Files.readAllBytes(MediaTools.tone(work.resolve("song.mp3"), "Disk", 440, 170)); // about 2 MB
        int port = PackagedJar.freePort();
        Path log = work.resolve("encore.log");
        process = PackagedJar.start(log, "--server.port=" + port, "--encore.data-dir=" + disk.resolve("data"),
                "--encore.storage.min-free-space=" + RESERVE + "B", "--encore.ingest.trusted-networks=127.0.0.1/32",
                "--spring.profiles.active=default");
        PackagedJar.awaitLive(process, port, log);
        Api api = new Api(port);
        Account user = new TestAccounts(api).user();
        TusClient tus = new TusClient(api, user.accessToken());
        String resumable = tus.start(mp3.length, "song.mp3");
        String stream = "/api/v1/tracks/" + Multipart.track(api, user.accessToken(), mp3, "Disk") + "/stream?format=opus&bitrate=256"; // ~5 MB
        List<Path> stored = blobs();
        Path filler = fill();

        JsonNode failed = awaitImport(api, user, importTone(api, user, "?first"));
        assertThat(failed.path("status").asString()).as(failed.toString()).isEqualTo("FAILED");
        JsonNode item = failed.path("items").get(0);
        assertThat(item.path("errorCode").asString()).as(item.toString()).isEqualTo("storage-full");
        assertThat(item.path("fileId").isMissingNode() || item.path("fileId").isNull()).as("no file").isTrue();
        assertThat(blobs()).as("nothing cut off was kept").isEqualTo(stored);

        JsonNode problem = ProblemAssert.assertProblem(api.send(Multipart.upload(api, "/api/v1/uploads",
                user.accessToken(), "song.mp3", "audio/mpeg", mp3)), 507, "insufficient-storage");
        assertThat(problem.path("detail").asString()).doesNotContain(disk.toString());
        ProblemAssert.assertProblem(tus.patch(resumable, 0, mp3, 0, mp3.length), 507, "insufficient-storage");
        assertThat(tus.head(resumable).headers().firstValue("Upload-Offset")).as("nothing of it kept").hasValue("0");
        ProblemAssert.assertProblem(tus.create(mp3.length, "other.mp3"), 507, "insufficient-storage");
        HttpResponse<String> rendition = awaitRendition(api, user, stream);
        ProblemAssert.assertProblem(rendition, 507, "insufficient-storage");
        assertThat(blobs()).isEqualTo(stored);
        assertThat(api.get("/api/v1/me", user.accessToken()).statusCode()).as("the database still writes and reads")
                .isEqualTo(200);
        assertThat(api.postJson("/api/v1/playlists", "{\"name\":\"Still here\"}", user.accessToken()).statusCode())
                .isEqualTo(201);

        Files.delete(filler);
        JsonNode done = awaitImport(api, user, importTone(api, user, "?again"));
        assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
        assertThat(tus.patch(resumable, 0, mp3, 0, mp3.length).statusCode()).isEqualTo(204);
        HttpResponse<String> uploaded = api.send(Multipart.upload(api, "/api/v1/uploads", user.accessToken(),
                "song.mp3", "audio/mpeg", mp3));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        assertThat(awaitRendition(api, user, stream).statusCode()).as("the rendition is made once there is room")
                .isEqualTo(200);

        String output = PackagedJar.read(log);
        assertThat(output).contains("the disk is full").contains("encore.storage.min-free-space");
        assertThat(output).as("a full disk is the operator's to fix, not a bug").doesNotContain(" ERROR ");
    }

    @Test
    void theDatabaseRecoversByItselfOnceADiskFilledByOthersHasRoomAgain() throws Exception {
        mountSmallDisk();
        int port = PackagedJar.freePort();
        Path log = work.resolve("encore.log");
        process = PackagedJar.start(log, "--server.port=" + port, "--encore.data-dir=" + disk.resolve("data"),
                "--spring.profiles.active=default");
        PackagedJar.awaitLive(process, port, log);
        Api api = new Api(port);
        Account user = new TestAccounts(api).user();
        Path filler = disk.resolve("filler");
        try (RandomAccessFile file = new RandomAccessFile(filler.toFile(), "rw")) { // every byte the disk has
            byte[] block = new byte[64 * 1024];
            while (true) {
                try {
                    file.write(block);
                }
                catch (IOException full) {
                    break;
                }
            }
        }
        String playlist = "{\"name\":\"Full\",\"description\":\"" + "d".repeat(490) + "\"}";
        int refused = 0;
        for (int i = 0; i < 300 && refused == 0; i++) { // H2 fails a write, then closes the database
            int status = api.postJson("/api/v1/playlists", playlist, user.accessToken()).statusCode();
            assertThat(status).as("a problem, not a crash").isIn(201, 503, 507);
            refused += status == 201 ? 0 : 1;
        }
        assertThat(refused).as("the full disk was noticed").isPositive();

        Files.delete(filler);
        await("the database opened again").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> api.postJson("/api/v1/playlists", "{\"name\":\"Again\"}", user.accessToken())
                        .statusCode() == 201);
        assertThat(api.get("/api/v1/me", user.accessToken()).statusCode()).isEqualTo(200);
    }

    /** The stream's answer once it is not 503 (a rendition being made). */
    private static HttpResponse<String> awaitRendition(Api api, Account user, String stream) {
        return await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500))
                .until(() -> api.get(stream, user.accessToken()), answer -> answer.statusCode() != 503);
    }

    private String importTone(Api api, Account user, String query) {
        HttpResponse<String> accepted = api.postJson("/api/v1/imports",
                "{\"url\":\"" + origin.url("/tone.wav" + query) + "\",\"format\":\"mp3\"}", user.accessToken());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        return Api.json(accepted).path("id").asString();
    }

    private static JsonNode awaitImport(Api api, Account user, String id) {
        return await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(300))
                .until(() -> Api.json(api.get("/api/v1/imports/" + id, user.accessToken())),
                        now -> List.of("SUCCEEDED", "FAILED", "PARTIAL").contains(now.path("status").asString()));
    }

    private void mountSmallDisk() throws Exception {
        disk = Files.createDirectory(work.resolve("disk"));
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=48m", "tmpfs", disk.toString())
                .redirectErrorStream(true).start();
        String said = new String(mount.getInputStream().readAllBytes());
        boolean ok = mount.waitFor(20, TimeUnit.SECONDS) && mount.exitValue() == 0;
        assumeThat(ok).as("mounting a tmpfs needs root (CI runs as root): " + said).isTrue();
        mounted = true;
    }

    /** A file that leaves {@link #ABOVE_RESERVE} bytes above the reserve on the small disk. */
    private Path fill() throws IOException {
        Path filler = disk.resolve("filler");
        long free = Files.getFileStore(disk).getUsableSpace();
        try (RandomAccessFile file = new RandomAccessFile(filler.toFile(), "rw")) {
            byte[] block = new byte[64 * 1024];
            for (long left = free - RESERVE - ABOVE_RESERVE; left > 0; left -= block.length) {
                file.write(block, 0, (int) Math.min(block.length, left)); // written, not sparse: tmpfs counts pages
            }
        }
        return filler;
    }

    private List<Path> blobs() throws IOException {
        Path root = disk.resolve("data/blobs");
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    private static Path tone(Path file, int seconds) throws IOException, InterruptedException {
        Process ffmpeg = new ProcessBuilder("ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i",
                "sine=frequency=440:duration=" + seconds, "-ac", "2", "-ar", "44100", file.toString())
                .redirectErrorStream(true).start();
        String said = new String(ffmpeg.getInputStream().readAllBytes());
        assertThat(ffmpeg.waitFor()).as(said).isZero();
        return file;
    }

    @AfterEach
    void stop() throws Exception {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        if (origin != null) {
            origin.close();
        }
        if (mounted) {
            new ProcessBuilder("umount", "-l", disk.toString()).inheritIO().start().waitFor(20, TimeUnit.SECONDS);
        }
    }
}
