package dev.encore.library.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import dev.encore.platform.BlobStore;
import dev.encore.platform.storage.StorageProperties;
import dev.encore.support.Api;
import dev.encore.support.IntegrationTest;
import dev.encore.support.MediaTools;
import dev.encore.support.Metrics;
import dev.encore.support.Multipart;
import dev.encore.support.ProblemAssert;
import dev.encore.support.StoredBlobs;
import dev.encore.support.TestAccounts.Account;

/**
 * Renditions under pressure: a request never waits out a transcode (here it does not wait at all)
 * but is told when to ask again; a node with too many renditions in the making refuses more at
 * once; a source ffmpeg cannot read is a clear 422 that later requests share; and the cache keeps
 * to its size across the cluster, least recently used first, with the blobs of what it evicts
 * collected.
 */
@DirtiesContext // a context of its own: see IntegrationTest
@TestPropertySource(properties = { "encore.stream.rendition-wait=0s", "encore.stream.max-queued-transcodes=1",
        "encore.stream.rendition-cache-size=1B",
        // a second context on the suite's database: it must not take the other context's import jobs
        // (paused between its tests, with its Redis connection stopped, it would fail them)
        "jobrunr.background-job-server.enabled=false" })
class RenditionLimitsIT extends IntegrationTest {

    @TempDir
    static Path media;

    private static byte[] longTone;

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private BlobStore blobs;
    @Autowired
    private StorageProperties storage;

    @BeforeAll
    static void tone() throws Exception {
        MediaTools.require("ffmpeg", "ffprobe");
        // two minutes: a transcode of it takes far longer than the nothing these requests wait
        longTone = Files.readAllBytes(MediaTools.tone(media.resolve("long.mp3"), "Long", 330, 120));
    }

    @Test
    void aRequestIsToldToAskAgainWhileItsRenditionIsMade() throws Exception {
        Account user = users.user();
        String stream = stream(user, longTone, "Patience") + "?format=mp3&bitrate=96";
        HttpResponse<String> pending = api.get(stream, user.accessToken());
        ProblemAssert.assertProblem(pending, 503, "rendition-pending");
        assertThat(pending.headers().firstValue("Retry-After")).hasValue("5");

        HttpResponse<byte[]> ready = awaitReady(user, stream);
        Path file = Files.write(media.resolve("ready.mp3"), ready.body());
        assertThat(MediaTools.probe(file).path("format").path("duration").asDouble()).isBetween(119.0, 121.0);
    }

    @Test
    void aNodeWithTooManyRenditionsInTheMakingRefusesMore() throws Exception {
        Account user = users.user();
        String stream = stream(user, longTone, "Crowded");
        ProblemAssert.assertProblem(api.get(stream + "?format=opus&bitrate=64", user.accessToken()), 503,
                "rendition-pending");
        HttpResponse<String> busy = api.get(stream + "?format=opus&bitrate=96", user.accessToken());
        ProblemAssert.assertProblem(busy, 503, "transcoder-busy");
        assertThat(busy.headers().firstValue("Retry-After")).hasValue("30");

        awaitReady(user, stream + "?format=opus&bitrate=64");
        awaitReady(user, stream + "?format=opus&bitrate=96"); // taken once the queue has room
    }

    @Test
    void aSourceFfmpegCannotReadIsAClearProblemThatLaterRequestsShare() throws Exception {
        Account user = users.user();
        // a WAV of four seconds in a codec nobody knows: probed fine, decoded by nothing
        byte[] notAudio = unknownCodecWav(4);
        String stream = stream(user, notAudio, "Noise") + "?format=aac";
        ProblemAssert.assertProblem(api.get(stream, user.accessToken()), 503, "rendition-pending");
        HttpResponse<String> failed = awaitAnswer(user, stream);
        assertThat(ProblemAssert.assertProblem(failed, 422, "transcode-failed").toString())
                .as("no tool output, no paths").doesNotContain("ffmpeg", "Invalid data", "/tmp", "staging");

        double transcodes = transcodes();
        ProblemAssert.assertProblem(api.get(stream, user.accessToken()), 422, "transcode-failed");
        assertThat(transcodes()).as("the failure is shared, not tried again at once").isEqualTo(transcodes);
        assertThat(api.get(stream.replace("?format=aac", ""), user.accessToken()).statusCode())
                .as("the original still plays").isEqualTo(200);
    }

    @Test
    void theLeastRecentlyUsedRenditionsGoWhenTheCacheIsFull() throws Exception {
        Account user = users.user();
        String stream = stream(user, longTone, "Evicted");
        HttpResponse<byte[]> old = awaitReady(user, stream + "?format=mp3&bitrate=64");
        String oldSha = etag(old);
        // unused for a while, and stored long ago: nothing protects it any more
        jdbc.update("update renditions set last_used_at = ? where sha256 = ?",
                Timestamp.from(Instant.now().minus(Duration.ofMinutes(5))), oldSha);
        StoredBlobs.age(blobs, storage, oldSha, Duration.ofHours(1));

        HttpResponse<byte[]> fresh = awaitReady(user, stream + "?format=mp3&bitrate=128");
        // the new rendition may be served before its maker has finished evicting
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(jdbc.queryForObject("select count(*) from renditions where sha256 = ?", Long.class, oldSha))
                    .as("evicted: the cache holds one byte").isZero();
            assertThat(blobs.metadata(oldSha)).as("its blob collected").isEmpty();
        });
        assertThat(blobs.metadata(etag(fresh))).as("the one just made stays").isPresent();

        HttpResponse<byte[]> again = awaitReady(user, stream + "?format=mp3&bitrate=64");
        assertThat(again.body()).as("made again on demand").isEqualTo(old.body());
    }

    private String stream(Account user, byte[] audio, String title) {
        HttpResponse<String> uploaded = api.send(Multipart.upload(api, "/api/v1/uploads", user.accessToken(),
                title + ".audio", "application/octet-stream", audio));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        HttpResponse<String> track = api.postJson("/api/v1/tracks", "{\"uploadId\":\""
                + Api.json(uploaded).path("id").asString() + "\",\"title\":\"" + title + "\",\"artist\":\"Limits\"}",
                user.accessToken());
        assertThat(track.statusCode()).as(track.body()).isEqualTo(201);
        return "/api/v1/tracks/" + Api.json(track).path("id").asString() + "/stream";
    }

    /** Asks until the rendition is ready, from a fresh client address each time (the per-client limit is low here). */
    private HttpResponse<byte[]> awaitReady(Account user, String path) throws InterruptedException {
        HttpResponse<byte[]> answer = await("rendition " + path).atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(250)).until(() -> {
                    Api client = new Api(port);
                    return client.sendBytes(client.request(path).header("Authorization", "Bearer "
                            + user.accessToken()).GET());
                }, ready -> ready.statusCode() != 503);
        assertThat(answer.statusCode()).as(new String(answer.body())).isEqualTo(200);
        return answer;
    }

    private HttpResponse<String> awaitAnswer(Account user, String path) throws InterruptedException {
        return await("an answer to " + path).atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(250))
                .until(() -> new Api(port).get(path, user.accessToken()), answer -> answer.statusCode() != 503);
    }

    /** A RIFF/WAVE file whose format tag (0x7777) names no codec, {@code seconds} long by its header. */
    private static byte[] unknownCodecWav(int seconds) {
        int byteRate = 16_000;
        byte[] data = new byte[byteRate * seconds];
        Arrays.fill(data, (byte) 'x');
        java.nio.ByteBuffer wav = java.nio.ByteBuffer.allocate(44 + data.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + data.length)
                .put("WAVE".getBytes(StandardCharsets.US_ASCII)).put("fmt ".getBytes(StandardCharsets.US_ASCII))
                .putInt(16).putShort((short) 0x7777).putShort((short) 1).putInt(8000).putInt(byteRate)
                .putShort((short) 2).putShort((short) 16).put("data".getBytes(StandardCharsets.US_ASCII))
                .putInt(data.length).put(data);
        return wav.array();
    }

    private static String etag(HttpResponse<?> answer) {
        return answer.headers().firstValue("ETag").orElseThrow().replace("\"", "");
    }

    private double transcodes() {
        return Metrics.value(api, tokens.admin(), "encore_stream_transcodes_total");
    }
}
