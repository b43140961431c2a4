package dev.encore.library.upload;

import static dev.encore.support.ProblemAssert.assertInvalidField;
import static dev.encore.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;

import dev.encore.library.upload.UploadStorage;
import dev.encore.platform.BlobStore;
import dev.encore.support.Api;
import dev.encore.support.IntegrationTest;
import dev.encore.support.MediaTools;
import dev.encore.support.TestAccounts.Account;

/**
 * Resumable uploads (tus 1.0: core, creation, termination, expiration): resumed across requests
 * into the same pipeline as multipart uploads, bounded by the size cap and the quotas at creation
 * and while bytes arrive, owner-only, and leaving nothing behind when terminated, refused or
 * expired. (Test limits: 3 MB per file, 4 MB a day.)
 */
class TusUploadsIT extends IntegrationTest {

    @TempDir
    static Path media;

    private static byte[] song;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private UploadStorage storage;

    @Autowired
    private BlobStore blobs;

    @Autowired
    private ResumableUploads resumable;

    /** A new user, their tus client, and the tus staging directories before the test. */
    private Account user;
    private TusClient tus;
    private long staged;

    @BeforeAll
    static void song() throws Exception {
        MediaTools.require("ffmpeg", "ffprobe");
        song = Files.readAllBytes(MediaTools.tone(media.resolve("resumable.mp3"), "Resumable Song", 610, 3));
    }

    @BeforeEach
    void newUser() {
        user = users.user();
        tus = new TusClient(api, user.accessToken());
        staged = stagingDirectories("tus");
    }

    @Test
    void anUploadResumedAcrossThreeRequestsBecomesAProbedUpload() {
        HttpResponse<String> options = api.send(api.request(TusClient.BASE).method("OPTIONS",
                HttpRequest.BodyPublishers.noBody()));
        assertThat(options.headers().firstValue("Tus-Version")).hasValue("1.0.0");
        assertThat(options.headers().firstValue("Tus-Extension").orElseThrow()).contains("creation", "termination",
                "expiration");
        assertThat(options.headers().firstValue("Tus-Max-Size")).hasValue(Long.toString(3 * 1024 * 1024));

        HttpResponse<String> created = tus.create(song.length, "../Resumable Song.mp3");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Tus-Resumable")).hasValue("1.0.0");
        assertThat(created.headers().firstValue("Upload-Expires")).isPresent();
        String location = created.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches("/api/v1/uploads/tus/[0-9a-f-]{36}");

        int third = song.length / 3;
        HttpResponse<String> first = tus.patch(location, 0, song, 0, third);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(204);
        assertThat(first.headers().firstValue("Upload-Offset")).hasValue(Integer.toString(third));
        assertThat(first.headers().firstValue("Encore-Upload-Id")).isEmpty();
        HttpResponse<String> head = tus.head(location);
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Upload-Offset")).hasValue(Integer.toString(third));
        assertThat(head.headers().firstValue("Upload-Length")).hasValue(Integer.toString(song.length));
        assertThat(head.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(tus.patch(location, third, song, third, 2 * third).statusCode()).isEqualTo(204);
        HttpResponse<String> last = tus.patch(location, 2 * third, song, 2 * third, song.length);
        assertThat(last.statusCode()).as(last.body()).isEqualTo(204);
        assertThat(last.headers().firstValue("Upload-Offset")).hasValue(Integer.toString(song.length));

        String uploadId = last.headers().firstValue("Encore-Upload-Id").orElseThrow();
        assertThat(last.headers().firstValue("Location")).hasValue("/api/v1/uploads/" + uploadId);
        assertThat(tus.head(location).headers().firstValue("Encore-Upload-Id")).hasValue(uploadId);
        assertThat(Api.json(api.get(location, user.accessToken())).path("uploadId").asString()).isEqualTo(uploadId);
        JsonNode upload = Api.json(api.get("/api/v1/uploads/" + uploadId, user.accessToken()));
        assertThat(upload.path("kind").asString()).isEqualTo("audio");
        assertThat(upload.path("size").asLong()).isEqualTo(song.length);
        assertThat(upload.path("filename").asString()).isEqualTo("Resumable Song.mp3");
        assertThat(upload.path("title").asString()).isEqualTo("Resumable Song");
        assertThat(upload.path("durationMs").asLong()).isBetween(2700L, 3300L);
        assertThat(stagingDirectories("tus")).as("the bytes left staging").isEqualTo(staged);
    }

    @Test
    void aWrongOffsetContentTypeOrProtocolVersionIsRefusedAndChangesNothing() {
        String location = tus.start(song.length, "song.mp3");
        assertProblem(tus.patch(location, 5, song, 0, 100), 409, "offset-mismatch");
        // no offset can be negative: a malformed request (tusd answers 400 too), not a conflict to resume from
        assertInvalidField(api.send(tus.request(location).header("Upload-Offset", "-1")
                .header("Content-Type", "application/offset+octet-stream")
                .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(song, 0, 100))), "Upload-Offset");
        HttpResponse<String> octets = api.send(tus.request(location).header("Upload-Offset", "0")
                .header("Content-Type", "application/octet-stream")
                .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(song, 0, 100)));
        assertProblem(octets, 415, "unsupported-media-type");
        assertThat(octets.headers().firstValue("Tus-Resumable")).as("refused before a handler is chosen, still tus")
                .hasValue("1.0.0");
        HttpResponse<String> oldVersion = api.send(api.request(location).header("Authorization",
                "Bearer " + user.accessToken()).header("Tus-Resumable", "0.2.2").header("Upload-Offset", "0")
                .header("Content-Type", "application/offset+octet-stream")
                .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(song, 0, 100)));
        assertProblem(oldVersion, 412, "tus-version-unsupported");
        assertThat(oldVersion.headers().firstValue("Tus-Version")).hasValue("1.0.0");
        assertThat(oldVersion.headers().firstValue("Tus-Resumable")).hasValue("1.0.0");
        assertProblem(api.send(tus.request(TusClient.BASE).header("Upload-Length", "12")
                .header("Upload-Metadata", "filename !!not-base64!!").POST(HttpRequest.BodyPublishers.noBody())), 400,
                "invalid-upload-metadata");
        assertThat(tus.head(location).headers().firstValue("Upload-Offset")).hasValue("0");
    }

    @Test
    void theSizeCapHoldsAtCreationAndWhileBytesArrive() throws Exception {
        assertProblem(tus.create(3 * 1024 * 1024 + 1, "big.mp3"), 413, "payload-too-large");
        assertThat(stagingDirectories("tus")).isEqualTo(staged);

        String location = tus.start(1000, "short.bin");
        byte[] more = new byte[1500];
        new Random(7).nextBytes(more);
        assertProblem(tus.patchChunked(location, 0, more), 413, "payload-too-large");
        assertProblem(tus.patch(location, 0, more, 0, 1001), 413, "payload-too-large");
        assertThat(tus.head(location).headers().firstValue("Upload-Offset")).as("nothing of it kept").hasValue("0");
        assertThat(parts(location)).as("nothing beyond the length in the store").isZero();

        // all of it, but not a type Encore accepts: refused at the last byte, and gone
        assertProblem(tus.patch(location, 0, more, 0, 1000), 415, "unsupported-media-type");
        assertThat(tus.head(location).statusCode()).isEqualTo(404);
        assertThat(stagingDirectories("tus")).isEqualTo(staged);
        assertThat(parts(location)).isZero();
    }

    @Test
    void bytesBeyondTheLengthAreRefusedMidwayAndOnceFinishedAndChangeNothing() {
        int half = song.length / 2;
        String location = tus.startPartly(song, "beyond.mp3", half);
        byte[] tooMany = Arrays.copyOf(song, song.length + 1);
        assertProblem(tus.patch(location, half, tooMany, half, tooMany.length), 413, "payload-too-large");
        assertThat(tus.head(location).headers().firstValue("Upload-Offset")).hasValue(Integer.toString(half));

        HttpResponse<String> last = tus.patch(location, half, song, half, song.length);
        assertThat(last.statusCode()).as(last.body()).isEqualTo(204);
        String uploadId = last.headers().firstValue("Encore-Upload-Id").orElseThrow();
        assertProblem(tus.patch(location, song.length, new byte[] { 1, 2, 3 }, 0, 3), 413, "payload-too-large");
        assertProblem(tus.patchChunked(location, song.length, new byte[] { 1 }), 413, "payload-too-large");

        HttpResponse<String> head = tus.head(location);
        assertThat(head.headers().firstValue("Upload-Offset")).hasValue(Integer.toString(song.length));
        assertThat(head.headers().firstValue("Encore-Upload-Id")).hasValue(uploadId);
        assertThat(Api.json(api.get("/api/v1/uploads/" + uploadId, user.accessToken())).path("size").asLong())
                .isEqualTo(song.length);
        HttpResponse<String> empty = tus.patch(location, song.length, new byte[0], 0, 0);
        assertThat(empty.statusCode()).as("an empty PATCH at the end is still answered").isEqualTo(204);
        assertThat(empty.headers().firstValue("Encore-Upload-Id")).hasValue(uploadId);
        assertThat(stagingDirectories("tus")).isEqualTo(staged);
    }

    @Test
    void reservedLengthsCountAgainstTheQuotas() {
        String big = tus.start(3 * 1024 * 1024, "big.pdf");
        assertProblem(tus.create(2 * 1024 * 1024, "more.pdf"), 403, "quota-exceeded");
        assertThat(new TusClient(api, users.user().accessToken()).create(2 * 1024 * 1024, "theirs.pdf").statusCode())
                .as("another user's day is their own").isEqualTo(201);
        assertThat(tus.delete(big).statusCode()).isEqualTo(204);
        assertThat(tus.create(2 * 1024 * 1024, "more.pdf").statusCode()).as("the reservation ended").isEqualTo(201);
    }

    @Test
    void aPatchWhileTheUserIsOverTheDailyQuotaDeletesTheUpload() {
        String location = tus.startPartly(song, "song.mp3", 1000);
        // meanwhile 4.2 MB of the same user's uploads landed elsewhere (another node, say)
        Instant now = Instant.now();
        jdbc.update("insert into uploads (id, owner_id, kind, mime_type, size_bytes, sha256, filename, created_at, "
                + "expires_at) values (?, ?, 'PDF', 'application/pdf', ?, ?, 'elsewhere.pdf', ?, ?)", UUID.randomUUID(),
                UUID.fromString(user.id()), 4_200_000L, "f".repeat(64), Timestamp.from(now),
                Timestamp.from(now.plus(Duration.ofHours(1))));
        assertProblem(tus.patch(location, 1000, song, 1000, song.length), 403, "quota-exceeded");
        assertThat(tus.head(location).statusCode()).isEqualTo(404);
        assertThat(stagingDirectories("tus")).as("its bytes went with it").isEqualTo(staged);
        assertThat(parts(location)).isZero();
    }

    @Test
    void terminationLeavesNothingBehind() {
        String location = tus.startPartly(song, "song.mp3", song.length / 2);
        HttpResponse<String> deleted = tus.delete(location);
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(deleted.headers().firstValue("Tus-Resumable")).hasValue("1.0.0");
        assertThat(tus.head(location).statusCode()).isEqualTo(404);
        assertProblem(tus.patch(location, song.length / 2, song, song.length / 2, song.length), 404, "not-found");
        assertThat(stagingDirectories("tus")).isEqualTo(staged);
        assertThat(parts(location)).as("its chunks went with it").isZero();
    }

    /**
     * Two terminations at once: one deletes the upload, the other answers as it would after it (404),
     * not 409 upload-busy; it waits a moment for whoever holds the upload to end.
     */
    @Test
    void aTerminationMeetingAnotherAnswersAsAfterIt() throws Exception {
        for (int round = 0; round < 5; round++) {
            String location = tus.startPartly(song, "song.mp3", 1000);
            CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(() -> tus.delete(location));
            CompletableFuture<HttpResponse<String>> second = CompletableFuture.supplyAsync(() -> tus.delete(location));
            List<Integer> statuses = Stream.of(first.get(10, TimeUnit.SECONDS), second.get(10, TimeUnit.SECONDS))
                    .map(HttpResponse::statusCode).sorted().toList();
            assertThat(statuses).as("round " + round).containsExactly(204, 404);
        }

        // held by another termination that ends a moment later (its lease taken, then its row deleted)
        String location = tus.startPartly(song, "song.mp3", 1000);
        UUID id = id(location);
        jdbc.update("update tus_uploads set lease_token = ?, lease_until = ? where id = ?", UUID.randomUUID(),
                Timestamp.from(Instant.now().plusSeconds(20)), id);
        CompletableFuture<HttpResponse<String>> waiting = CompletableFuture.supplyAsync(() -> tus.delete(location));
        Thread.sleep(150);
        jdbc.update("delete from tus_uploads where id = ?", id);
        assertProblem(waiting.get(10, TimeUnit.SECONDS), 404, "not-found");
    }

    @Test
    void anotherUsersUploadDoesNotExistForThem() {
        TusClient other = new TusClient(api, users.user().accessToken());
        String location = tus.start(song.length, "song.mp3");
        assertThat(other.head(location).statusCode()).isEqualTo(404);
        assertProblem(other.patch(location, 0, song, 0, 100), 404, "not-found");
        assertProblem(other.delete(location), 404, "not-found");
        assertThat(api.get(location, users.user().accessToken()).statusCode()).isEqualTo(404);
        assertThat(tus.patch(location, 0, song, 0, song.length).statusCode()).isEqualTo(204);
    }

    @Test
    void whatArrivedBeforeTheClientWentAwayIsKeptAndResumed() throws Exception {
        String location = tus.start(song.length, "song.mp3");
        int sent = song.length / 2;
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            tus.beginPatch(out, location, 0, song.length);
            out.write(song, 0, sent);
            out.flush();
            Thread.sleep(300);
        } // the connection drops in the middle of the body
        await().atMost(Duration.ofSeconds(10)).until(() -> offset(tus, location) == sent);
        HttpResponse<String> rest = tus.patch(location, sent, song, sent, song.length);
        assertThat(rest.statusCode()).as(rest.body()).isEqualTo(204);
        String uploadId = rest.headers().firstValue("Encore-Upload-Id").orElseThrow();
        assertThat(Api.json(api.get("/api/v1/uploads/" + uploadId, user.accessToken())).path("size").asLong())
                .isEqualTo(song.length);
    }

    @Test
    void expiredUploadsGoWithTheirBytes() {
        String location = tus.startPartly(song, "song.mp3", 1000);
        String id = location.substring(location.lastIndexOf('/') + 1);
        jdbc.update("update tus_uploads set expires_at = ? where id = ?", Timestamp.from(Instant.now().minusSeconds(1)),
                UUID.fromString(id));
        storage.deleteExpiredUploads();
        assertThat(jdbc.queryForObject("select count(*) from tus_uploads where id = ?", Long.class,
                UUID.fromString(id))).isZero();
        assertThat(stagingDirectories("tus")).isEqualTo(staged);
        assertThat(parts(location)).isZero();
        assertThat(tus.head(location).statusCode()).isEqualTo(404);
    }

    @Test
    void aLeaseLeftByADeadNodeHoldsTheUploadUntilItRunsOut() {
        int half = song.length / 2;
        String location = tus.startPartly(song, "song.mp3", half);
        UUID id = id(location);
        // a node took the upload's lease and died: its lease runs on a while
        jdbc.update("update tus_uploads set lease_token = ?, lease_until = ? where id = ?", UUID.randomUUID(),
                Timestamp.from(Instant.now().plusSeconds(20)), id);
        assertProblem(tus.patch(location, half, song, half, song.length), 409, "upload-busy");
        assertProblem(tus.delete(location), 409, "upload-busy");
        assertThat(tus.head(location).headers().firstValue("Upload-Offset")).hasValue(Integer.toString(half));

        jdbc.update("update tus_uploads set lease_until = ? where id = ?", Timestamp.from(Instant.now().minusSeconds(1)),
                id);
        HttpResponse<String> rest = tus.patch(location, half, song, half, song.length);
        assertThat(rest.statusCode()).as(rest.body()).isEqualTo(204);
        assertThat(rest.headers().firstValue("Encore-Upload-Id")).isPresent();
        assertThat(parts(location)).as("the chunks went once the upload was finished").isZero();
    }

    @Test
    void bytesADeadRequestWroteButNeverRecordedCountOnceItsLeaseRunsOut() throws Exception {
        int half = song.length / 2;
        String location = tus.startPartly(song, "song.mp3", 1000);
        UUID id = id(location);
        // a request wrote the chunk after 1000 and died before it could record it
        UUID deadLease = UUID.randomUUID();
        String part = "tus/" + id + "/1000-" + deadLease;
        try (BlobStore.PartFile file = blobs.createPart(part)) {
            Files.write(file.path(), Arrays.copyOfRange(song, 1000, half));
            file.publish();
        }
        jdbc.update("update tus_uploads set lease_token = ?, lease_until = ?, pending_part = ? where id = ?", deadLease,
                Timestamp.from(Instant.now().plusSeconds(20)), part, id);
        assertThat(offset(tus, location)).as("while its lease runs, what it wrote is not known").isEqualTo(1000);

        jdbc.update("update tus_uploads set lease_until = ? where id = ?", Timestamp.from(Instant.now().minusSeconds(1)),
                id);
        assertThat(offset(tus, location)).as("then the offset is where its bytes end").isEqualTo(half);
        HttpResponse<String> rest = tus.patch(location, half, song, half, song.length);
        assertThat(rest.statusCode()).as(rest.body()).isEqualTo(204);
        String uploadId = rest.headers().firstValue("Encore-Upload-Id").orElseThrow();
        JsonNode upload = Api.json(api.get("/api/v1/uploads/" + uploadId, user.accessToken()));
        assertThat(upload.path("size").asLong()).isEqualTo(song.length);
        assertThat(upload.path("durationMs").asLong()).as("the same file, whole").isBetween(2700L, 3300L);
    }

    @Test
    void chunksNoUploadRecordsAreSweptAndRecordedOnesStay() throws Exception {
        int half = song.length / 2;
        String location = tus.startPartly(song, "song.mp3", half);
        UUID id = id(location);
        String orphan = "tus/" + id + "/" + half + "-" + UUID.randomUUID(); // its node died before recording it
        String gone = "tus/" + UUID.randomUUID() + "/0-" + UUID.randomUUID(); // of an upload deleted meanwhile
        for (String part : new String[] { orphan, gone }) {
            try (BlobStore.PartFile file = blobs.createPart(part)) {
                Files.write(file.path(), new byte[] { 1, 2, 3 });
                file.publish();
            }
        }
        assertThat(parts(location)).isEqualTo(2);

        resumable.sweepOrphanParts(Instant.now().plusSeconds(60));
        assertThat(blobs.partSize(orphan)).isEmpty();
        assertThat(blobs.partSize(gone)).isEmpty();
        assertThat(parts(location)).as("the recorded chunk stays").isEqualTo(1);
        HttpResponse<String> rest = tus.patch(location, half, song, half, song.length);
        assertThat(rest.statusCode()).as(rest.body()).isEqualTo(204);
    }

    private static long offset(TusClient tus, String location) {
        return Long.parseLong(tus.head(location).headers().firstValue("Upload-Offset").orElse("-1"));
    }

    private static UUID id(String location) {
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }

    /** How many chunks of the upload the blob store holds. */
    private long parts(String location) {
        try (java.util.stream.Stream<BlobStore.Part> parts = blobs.parts("tus/" + id(location) + "/")) {
            return parts.count();
        }
        catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }
}
