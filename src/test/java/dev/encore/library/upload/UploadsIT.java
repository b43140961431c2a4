package dev.encore.library.upload;

import static dev.encore.support.ProblemAssert.assertInvalidField;
import static dev.encore.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;

import dev.encore.support.Api;
import dev.encore.support.IntegrationTest;
import dev.encore.support.MediaTools;
import dev.encore.support.Multipart;
import dev.encore.support.TestAccounts.Account;

/**
 * Multipart uploads: typed by content (a lying name or content type changes nothing), probed,
 * bounded in size, by the daily quota, and leaving nothing behind when refused or aborted.
 * (Test limits: 3 MB per file, 4 MB a day.)
 */
class UploadsIT extends IntegrationTest {

    @TempDir
    static Path media;

    private static byte[] song;

    @BeforeAll
    static void song() throws Exception {
        MediaTools.require("ffmpeg", "ffprobe");
        song = Files.readAllBytes(MediaTools.tone(media.resolve("upload.mp3"), "Uploaded Song", 520, 3));
    }

    @Test
    void audioIsRecognisedByItsBytesProbedAndSavedAsATrack() {
        Account user = users.user();
        HttpResponse<String> response = upload(user, "evil.pdf", "application/pdf", song);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode upload = Api.json(response);
        assertThat(upload.path("kind").asString()).isEqualTo("audio");
        assertThat(upload.path("mimeType").asString()).isEqualTo("audio/mpeg");
        assertThat(upload.path("filename").asString()).isEqualTo("evil.pdf");
        assertThat(upload.path("title").asString()).isEqualTo("Uploaded Song");
        assertThat(upload.path("artist").asString()).isEqualTo("Encore Test");
        assertThat(upload.path("durationMs").asLong()).isBetween(2700L, 3300L);
        String id = upload.path("id").asString();
        assertThat(api.get("/api/v1/uploads/" + id, user.accessToken()).statusCode()).isEqualTo(200);
        assertThat(api.get("/api/v1/uploads/" + id, users.user().accessToken()).statusCode()).isEqualTo(404);

        HttpResponse<String> track = api.postJson("/api/v1/tracks", "{\"uploadId\":\"" + id + "\"}",
                user.accessToken());
        assertThat(track.statusCode()).as(track.body()).isEqualTo(201);
        assertThat(Api.json(track).path("title").asString()).isEqualTo("Uploaded Song");
        assertThat(Api.json(track).path("artist").asString()).as("from the probed tags").isEqualTo("Encore Test");
        assertThat(api.get("/api/v1/uploads/" + id, user.accessToken()).statusCode())
                .as("the upload became library content").isEqualTo(404);
    }

    @Test
    void unsavedUploadsAreListedNewestFirstAndADiscardedOneFreesItsQuotaAtOnce() {
        Account user = users.user();
        String first = Api.json(upload(user, "first.mp3", "audio/mpeg", song)).path("id").asString();
        String second = Api.json(upload(user, "second.pdf", "application/pdf", pdf(2048))).path("id").asString();
        String saved = Api.json(upload(user, "saved.mp3", "audio/mpeg", song)).path("id").asString();
        assertThat(api.postJson("/api/v1/tracks", "{\"uploadId\":\"" + saved + "\"}", user.accessToken()).statusCode())
                .isEqualTo(201);

        JsonNode page = Api.json(api.get("/api/v1/uploads", user.accessToken()));
        assertThat(page.path("items").valueStream().map(item -> item.path("id").asString()))
                .as("newest first; the saved one is library content").containsExactly(second, first);
        assertThat(page.path("items").get(1).path("filename").asString()).isEqualTo("first.mp3");
        assertThat(page.path("totalItems").asLong()).isEqualTo(2);
        assertThat(Api.json(api.get("/api/v1/uploads", users.user().accessToken())).path("items")).isEmpty();
        assertInvalidField(api.get("/api/v1/uploads?sort=sha256", user.accessToken()), "sort");

        long used = Api.json(api.get("/api/v1/me/quota", user.accessToken())).path("storageUsedBytes").asLong();
        assertProblem(api.send("DELETE", "/api/v1/uploads/" + first, users.user().accessToken(), null), 404, "not-found");
        assertThat(api.send("DELETE", "/api/v1/uploads/" + first, user.accessToken(), null).statusCode()).isEqualTo(204);
        assertThat(Api.json(api.get("/api/v1/me/quota", user.accessToken())).path("storageUsedBytes").asLong())
                .isEqualTo(used - song.length);
        assertThat(api.get("/api/v1/uploads/" + first, user.accessToken()).statusCode()).isEqualTo(404);
        assertThat(Api.json(api.get("/api/v1/uploads", user.accessToken())).path("items").valueStream()
                .map(item -> item.path("id").asString())).containsExactly(second);
        assertProblem(api.postJson("/api/v1/tracks", "{\"uploadId\":\"" + first + "\"}", user.accessToken()), 404,
                "not-found");
        assertProblem(api.send("DELETE", "/api/v1/uploads/" + first, user.accessToken(), null), 404, "not-found");
        assertProblem(api.send("DELETE", "/api/v1/uploads/" + saved, user.accessToken(), null), 404, "not-found");
    }

    @Test
    void anEmbeddedCoverIsStoredAndServedWithTheProbedCodecAndBitRate() throws Exception {
        Account user = users.user();
        byte[] withCover = Files.readAllBytes(MediaTools.tone(media.resolve("cover.mp3"), "Covered", 700, 2, true));
        HttpResponse<String> response = upload(user, "cover.mp3", "audio/mpeg", withCover);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode upload = Api.json(response);
        assertThat(upload.path("codec").asString()).isEqualTo("mp3");
        assertThat(upload.path("bitRate").asLong()).isGreaterThan(64_000L);
        String coverUrl = upload.path("coverUrl").asString();
        assertThat(coverUrl).isEqualTo("/api/v1/uploads/" + upload.path("id").asString() + "/cover");
        HttpResponse<byte[]> cover = api.send(api.request(coverUrl).header("Authorization",
                "Bearer " + user.accessToken()), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(cover.statusCode()).isEqualTo(200);
        assertThat(cover.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(cover.body()).startsWith((byte) 0xFF, (byte) 0xD8); // a JPEG, copied as it was embedded
        assertThat(api.get(coverUrl, users.user().accessToken()).statusCode()).as("not theirs").isEqualTo(404);

        JsonNode track = Api.json(api.postJson("/api/v1/tracks", "{\"uploadId\":\"" + upload.path("id").asString()
                + "\"}", user.accessToken()));
        String trackCover = track.path("coverUrl").asString();
        assertThat(trackCover).as("the track keeps the cover").isEqualTo("/api/v1/tracks/" + track.path("id")
                .asString() + "/cover");
        HttpResponse<byte[]> kept = api.sendBytes(api.request(trackCover).header("Authorization",
                "Bearer " + user.accessToken()));
        assertThat(kept.statusCode()).isEqualTo(200);
        assertThat(kept.body()).isEqualTo(cover.body());
        assertThat(api.get(trackCover, users.user().accessToken()).statusCode()).as("a private track's").isEqualTo(404);

        JsonNode plain = Api.json(upload(user, "plain.mp3", "audio/mpeg", song));
        assertThat(plain.has("coverUrl")).as("no cover, no URL").isFalse();
        assertThat(api.get("/api/v1/uploads/" + plain.path("id").asString() + "/cover", user.accessToken())
                .statusCode()).isEqualTo(404);
    }

    @Test
    void whatIsNotAnAcceptedTypeIsRefusedWhateverItsNameAndLeavesNothing() throws Exception {
        Account user = users.user();
        long staged = stagingDirectories("upload");
        for (byte[] content : new byte[][] { "just text, not audio".getBytes(StandardCharsets.UTF_8),
                "#!/bin/sh\nrm -rf /\n".getBytes(StandardCharsets.UTF_8), new byte[] { 'M', 'Z', 0, 0, 1, 2, 3 } }) {
            HttpResponse<String> response = upload(user, "song.mp3", "audio/mpeg", content);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(415);
            assertThat(Api.json(response).path("type").asString()).endsWith("/unsupported-media-type");
        }
        assertThat(upload(user, "empty.mp3", "audio/mpeg", new byte[0]).statusCode()).isEqualTo(400);
        // no body and no Content-Type at all: the answer says what to send, and no Java null in it
        HttpResponse<String> bodiless = api.send("POST", "/api/v1/uploads", user.accessToken(), null);
        assertThat(bodiless.statusCode()).as(bodiless.body()).isEqualTo(415);
        assertThat(Api.json(bodiless).path("detail").asString()).contains("multipart/form-data")
                .doesNotContain("null");
        assertThat(stagingDirectories("upload")).as("nothing left in staging").isEqualTo(staged);
    }

    @Test
    void mediaCutShortIsRefusedAsUnreadableAndLeavesNothing() throws Exception {
        Account user = users.user();
        long staged = stagingDirectories("upload");
        // ffmpeg writes an MP4's index (moov) at its end: the first 16 KB are typed as video, and unplayable
        byte[] whole = Files.readAllBytes(MediaTools.video(media.resolve("whole.mp4"), 2));
        HttpResponse<String> cut = upload(user, "clip.mp4", "video/mp4", java.util.Arrays.copyOf(whole, 16 * 1024));
        assertThat(cut.statusCode()).as(cut.body()).isEqualTo(422);
        assertThat(Api.json(cut).path("type").asString()).endsWith("/media-unreadable"); // was "not sound only"
        assertThat(stagingDirectories("upload")).as("nothing left in staging").isEqualTo(staged);
        assertThat(upload(user, "clip.mp4", "video/mp4", whole).statusCode()).as("the whole file").isEqualTo(201);
    }

    @Test
    void sizeAndDailyQuotaAreEnforced() {
        Account user = users.user();
        byte[] tooBig = pdf(3 * 1024 * 1024 + 1);
        HttpResponse<String> refused = upload(user, "big.pdf", "application/pdf", tooBig);
        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(Api.json(refused).path("type").asString()).endsWith("/payload-too-large");

        byte[] large = pdf(2 * 1024 * 1024 + 512 * 1024);
        HttpResponse<String> first = upload(user, "first.pdf", "application/pdf", large);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(Api.json(first).path("kind").asString()).isEqualTo("pdf");
        HttpResponse<String> second = upload(user, "second.pdf", "application/pdf", pdf(2 * 1024 * 1024));
        assertThat(second.statusCode()).as("4 MB a day").isEqualTo(403);
        assertThat(Api.json(second).path("type").asString()).endsWith("/quota-exceeded");
        assertThat(upload(users.user(), "other.pdf", "application/pdf", pdf(2 * 1024 * 1024)).statusCode())
                .as("another user's day is their own").isEqualTo(201);
    }

    @Test
    void aFileNameTooLongForItsPartHeadersIsABadRequestNotTooLarge() {
        Account user = users.user();
        long staged = stagingDirectories("upload");
        HttpResponse<String> refused = upload(user, "a".repeat(5000) + ".mp3", "audio/mpeg", song);
        JsonNode problem = assertProblem(refused, 400, "bad-request");
        assertThat(problem.path("detail").asString()).contains("file name");
        assertThat(stagingDirectories("upload")).isEqualTo(staged);
        assertThat(Api.json(api.get("/api/v1/tracks?owner=" + user.id(), user.accessToken())).path("totalItems")
                .asLong()).isZero();
        HttpResponse<String> longest = upload(user, "歌".repeat(251) + ".mp3", "audio/mpeg", song);
        assertThat(longest.statusCode()).as("the longest name an upload keeps").isEqualTo(201);
    }

    @Test
    void twoFilePartsInOneUploadAreRefusedAndNeitherIsKept() {
        Account user = users.user();
        long staged = stagingDirectories("upload");
        HttpResponse<String> refused = api.send(Multipart.uploadEach(api, "/api/v1/uploads", user.accessToken(),
                "audio/mpeg", song, "one.mp3", "two.mp3"));
        assertInvalidField(refused, "file");
        assertThat(stagingDirectories("upload")).isEqualTo(staged);
        assertThat(Api.json(api.get("/api/v1/me/quota", user.accessToken())).path("uploadedTodayBytes").asLong())
                .as("nothing was stored").isZero();
    }

    @Test
    void anAbortedUploadLeavesNothingBehind() throws Exception {
        Account user = users.user();
        long staged = stagingDirectories("upload");
        String boundary = "encore" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"cut.mp3\"\r\n"
                + "Content-Type: audio/mpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/uploads HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + user.accessToken()
                    + "\r\nX-Forwarded-For: 198.19.200.1\r\nContent-Type: multipart/form-data; boundary=" + boundary
                    + "\r\nContent-Length: " + (head.length + 2_000_000) + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.write(head);
            out.write(song, 0, song.length / 2);
            out.flush();
        } // the client goes away in the middle of the file
        await("the aborted upload's staging directory deleted").atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100)).until(() -> stagingDirectories("upload") == staged);
        assertThat(Api.json(api.get("/api/v1/tracks?owner=" + user.id(), user.accessToken())).path("totalItems")
                .asLong()).isZero();
        HttpResponse<String> later = upload(user, "whole.mp3", "audio/mpeg", song);
        assertThat(later.statusCode()).as("the aborted one did not count against the day").isEqualTo(201);
    }

    @Test
    void anUploadTheQuotaCannotTakeIsRefusedBeforeItsBodyIsSent() throws Exception {
        Account user = users.user();
        byte[] large = new byte[2_500_000];
        System.arraycopy(song, 0, large, 0, song.length); // an MP3 with trailing bytes: still audio by its magic
        assertThat(upload(user, "first.mp3", "audio/mpeg", large).statusCode()).isEqualTo(201);
        long staged = stagingDirectories("upload");
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            // 2 MB declared: more than the 1.5 MB left of the 4 MB day; not one byte of the body is sent
            out.write(("POST /api/v1/uploads HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + user.accessToken()
                    + "\r\nX-Forwarded-For: 198.19.200.2\r\nContent-Type: multipart/form-data; boundary=b"
                    + "\r\nContent-Length: 2000000\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            String answer = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(answer).as("answered without waiting for the body").isEqualTo("HTTP/1.1 403");
        }
        assertThat(stagingDirectories("upload")).isEqualTo(staged);
    }

    private HttpResponse<String> upload(Account user, String filename, String contentType, byte[] content) {
        Api client = new Api(port);
        return client.send(Multipart.upload(client, "/api/v1/uploads", user.accessToken(), filename, contentType,
                content));
    }

    private static byte[] pdf(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        byte[] magic = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(magic, 0, bytes, 0, magic.length);
        return bytes;
    }
}
