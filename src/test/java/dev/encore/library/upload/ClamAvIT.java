package dev.encore.library.upload;

import static dev.encore.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

import dev.encore.platform.BlobStore;
import dev.encore.platform.StorageQuota;
import dev.encore.support.Api;
import dev.encore.support.ClamAvDaemon;
import dev.encore.support.IntegrationTest;
import dev.encore.support.MediaTools;
import dev.encore.support.Multipart;
import dev.encore.support.TestAccounts.Account;

/**
 * The malware scan against a real clamd (started by {@link ClamAvDaemon} with a local test
 * signature): infected uploads are refused, audited and leave nothing; clean ones pass; without
 * clamd uploads are refused (fail-closed), and a resumable upload keeps its bytes to be finished
 * later.
 */
class ClamAvIT extends IntegrationTest {

    @TempDir
    static Path media;

    private static byte[] clean;
    private static byte[] infected;

    @Autowired
    private Uploads uploads;

    @Autowired
    private StorageQuota quota;
    @Autowired
    private BlobStore blobs;

    @BeforeAll
    static void samples() throws Exception {
        ClamAvDaemon.require();
        MediaTools.require("ffmpeg", "ffprobe");
        clean = wav("clean.wav", "a clean recording");
        infected = wav("infected.wav", ClamAvDaemon.MARKER);
    }

    @Test
    void anInfectedUploadIsRefusedAuditedAndLeavesNothing() throws Exception {
        Account user = users.user();
        long staged = stagingDirectories("upload");
        JsonNode problem = assertProblem(upload(user, "song.wav", infected), 422, "malware-detected");
        assertThat(problem.path("detail").asString()).contains(ClamAvDaemon.SIGNATURE).doesNotContain("/");
        assertThat(stagingDirectories("upload")).isEqualTo(staged);
        assertThat(uploads.findByOwnerId(UUID.fromString(user.id()))).isEmpty();
        assertThat(quota.used(UUID.fromString(user.id()))).isZero();
        assertThat(blobs.metadata(sha256(infected))).as("not stored").isEmpty();

        Account admin = users.admin();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode entries = Api.json(api.get("/api/v1/admin/audit?type=upload.malware-detected&actor=" + user.id(),
                    admin.accessToken())).path("items");
            assertThat(entries.size()).isEqualTo(1);
            assertThat(entries.get(0).path("details").path("signature").asString()).isEqualTo(ClamAvDaemon.SIGNATURE);
            assertThat(entries.get(0).path("details").path("filename").asString()).isEqualTo("song.wav");
        });
    }

    @Test
    void aCleanUploadPassesTheScan() {
        Account user = users.user();
        HttpResponse<String> accepted = upload(user, "clean.wav", clean);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
        assertThat(Api.json(accepted).path("mimeType").asString()).contains("wav");
        assertThat(Api.json(accepted).path("codec").asString()).startsWith("pcm_");
    }

    @Test
    void anInfectedResumableUploadIsRefusedAtItsLastByteAndLeavesNothing() {
        Account user = users.user();
        TusClient tus = new TusClient(api, user.accessToken());
        long staged = stagingDirectories("tus");
        String location = tus.startPartly(infected, "song.wav", 100);
        assertProblem(tus.patch(location, 100, infected, 100, infected.length), 422, "malware-detected");
        assertThat(tus.head(location).statusCode()).isEqualTo(404);
        assertThat(stagingDirectories("tus")).isEqualTo(staged);
        assertThat(uploads.findByOwnerId(UUID.fromString(user.id()))).isEmpty();
        assertThat(quota.used(UUID.fromString(user.id()))).as("the reservation ended").isZero();
    }

    @Test
    void withoutTheScannerUploadsAreRefusedAndAResumableOneWaits() {
        Account user = users.user();
        TusClient tus = new TusClient(api, user.accessToken());
        String location = tus.start(clean.length, "clean.wav");
        ClamAvDaemon.stop();
        try {
            long staged = stagingDirectories("upload");
            assertProblem(upload(user, "clean.wav", clean), 503, "scanner-unavailable");
            assertThat(stagingDirectories("upload")).isEqualTo(staged);
            assertProblem(tus.patch(location, 0, clean, 0, clean.length), 503, "scanner-unavailable");
            assertThat(uploads.findByOwnerId(UUID.fromString(user.id()))).isEmpty();
            assertThat(tus.head(location).headers().firstValue("Upload-Offset"))
                    .as("the bytes are kept for a retry").hasValue(Integer.toString(clean.length));
        }
        finally {
            ClamAvDaemon.start();
        }
        HttpResponse<String> retried = tus.patch(location, clean.length, clean, 0, 0);
        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(204);
        assertThat(retried.headers().firstValue("Encore-Upload-Id")).isPresent();
        assertThat(uploads.findByOwnerId(UUID.fromString(user.id()))).hasSize(1);
    }

    @Test
    void theScannerIsPartOfHealth() {
        JsonNode health = Api.json(api.get("/actuator/health", users.admin().accessToken()));
        assertThat(health.path("components").path("clamav").path("status").asString()).isEqualTo("UP");
    }

    private HttpResponse<String> upload(Account user, String filename, byte[] content) {
        Api client = new Api(port);
        return client.send(Multipart.upload(client, "/api/v1/uploads", user.accessToken(), filename, "audio/wav",
                content));
    }

    /** A one-second WAV whose comment tag holds {@code comment}. */
    private static byte[] wav(String name, String comment) throws Exception {
        Path file = media.resolve(name);
        Process ffmpeg = new ProcessBuilder(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi",
                "-i", "sine=frequency=330:duration=1", "-metadata", "comment=" + comment, file.toString()))
                .redirectErrorStream(true).start();
        String output = new String(ffmpeg.getInputStream().readAllBytes());
        assertThat(ffmpeg.waitFor()).as(output).isZero();
        return Files.readAllBytes(file);
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
