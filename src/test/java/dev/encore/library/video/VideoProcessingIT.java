package dev.encore.library.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.lang.reflect.Type;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jobrunr.jobs.states.StateName;
import org.jobrunr.storage.StorageProvider;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

import tools.jackson.databind.JsonNode;

import dev.encore.platform.BlobStore;
import dev.encore.platform.storage.StorageProperties;
import dev.encore.support.Api;
import dev.encore.support.HeldTransaction;
import dev.encore.support.IntegrationTest;
import dev.encore.support.MediaTools;
import dev.encore.support.Multipart;
import dev.encore.support.ProblemAssert;
import dev.encore.support.StoredBlobs;
import dev.encore.support.TestAccounts.Account;

/**
 * Video processing with the real ffmpeg: a saved video becomes ready with its HLS ladder, progress
 * streams over SSE, cancel and re-run, a transient failure retried, outputs in the quota and gone
 * with the video, sound-only files refused.
 */
class VideoProcessingIT extends IntegrationTest {

    @TempDir
    static Path media;

    private static Path pattern;
    private static Path longPattern;
    private static Path deletePattern;

    @Autowired
    private BlobStore blobs;
    @Autowired
    private StorageProperties storage;
    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private PlatformTransactionManager transactions;
    @Autowired
    private StorageProvider jobs;

    @BeforeAll
    static void sources() throws Exception {
        MediaTools.require("ffmpeg", "ffprobe");
        pattern = MediaTools.testPattern(media.resolve("pattern.mp4"), 320, 240, 5, true, 0);
        longPattern = media.resolve("long-pattern.mp4"); // long enough to stop midway, small enough to upload
        run(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i",
                "testsrc2=size=320x240:rate=30:duration=30", "-f", "lavfi", "-i", "sine=frequency=440:duration=30",
                "-c:v", "libx264", "-preset", "veryfast", "-crf", "38", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a",
                "32k", longPattern.toString()));
        // outputs of its own: the same picture elsewhere would make the same (shared) output blobs
        deletePattern = MediaTools.testPattern(media.resolve("delete-pattern.mp4"), 256, 192, 4, true, 0);
    }

    @Test
    void aSavedVideoBecomesReadyWithItsLadderAndProgressOverServerSentEvents() throws Exception {
        Account owner = users.user();
        long quotaBefore = quota(owner);
        JsonNode created = create(owner, unique(pattern));
        String id = created.path("id").asString();
        assertThat(created.path("processing").path("state").asString()).isEqualTo("processing");
        assertThat(absent(created.path("hlsUrl"))).as("no ladder before it is ready").isTrue();
        assertThat(created.path("renditions").isEmpty()).isTrue();

        List<JsonNode> events = events(owner, id);
        assertThat(events).as("events").hasSizeGreaterThan(1);
        assertThat(events).allSatisfy(event -> assertThat(event.path("videoId").asString()).isEqualTo(id));
        int progress = 0;
        for (JsonNode event : events) {
            assertThat(event.path("progress").asInt()).as(events.toString()).isGreaterThanOrEqualTo(progress);
            progress = event.path("progress").asInt();
        }
        assertThat(events.getLast().path("state").asString()).as(events.toString()).isEqualTo("ready");
        assertThat(events.getLast().path("progress").asInt()).isEqualTo(100);

        JsonNode video = Api.json(api.get("/api/v1/videos/" + id, owner.accessToken()));
        assertThat(video.path("width").asInt()).isEqualTo(320);
        assertThat(video.path("height").asInt()).isEqualTo(240);
        assertThat(video.path("frameRate").asDouble()).isCloseTo(30.0, org.assertj.core.data.Offset.offset(0.1));
        assertThat(video.path("videoCodec").asString()).isEqualTo("h264");
        assertThat(video.path("audioCodec").asString()).isEqualTo("aac");
        assertThat(video.path("processing").path("state").asString()).isEqualTo("ready");
        assertThat(video.path("processing").path("progress").asInt()).isEqualTo(100);
        assertThat(video.path("renditions").valueStream().map(rendition -> rendition.path("name").asString()))
                .as("never above the source: 240p, then the sound").containsExactly("240p", "audio");
        JsonNode top = video.path("renditions").get(0);
        assertThat(top.path("width").asInt()).isEqualTo(320);
        assertThat(top.path("height").asInt()).isEqualTo(240);
        assertThat(top.path("bandwidth").asLong()).isPositive();
        String stream = video.path("streamUrl").asString();
        assertThat(video.path("hlsUrl").asString()).isEqualTo(stream + "/hls/master.m3u8");
        assertThat(video.path("posterUrl").asString()).isEqualTo(stream + "/poster.webp");
        assertThat(video.path("thumbnailUrl").asString()).isEqualTo(stream + "/thumbnail.webp");
        assertThat(video.path("storyboardUrl").asString()).isEqualTo(stream + "/storyboard.vtt");

        List<VideoFile> outputs = outputs(id);
        assertThat(outputs.stream().map(VideoFile::name)).contains("master.m3u8", "240p/index.m3u8", "240p/init.mp4",
                "audio/index.m3u8", "poster.webp", "thumbnail.webp", "storyboard.vtt");
        long outputBytes = outputs.stream().mapToLong(VideoFile::size).sum();
        for (VideoFile file : outputs) {
            assertThat(blobs.metadata(file.sha256())).as(file.name()).isPresent();
        }
        assertThat(quota(owner) - quotaBefore).as("the original and every output count")
                .isEqualTo(video.path("size").asLong() + outputBytes);
        assertThat(stagingDirectories("video")).as("the job's staging directory is gone").isZero();
        ProblemAssert.assertProblem(api.send("DELETE", "/api/v1/videos/" + id + "/processing", owner.accessToken(),
                null), 409, "conflict");
        ProblemAssert.assertProblem(api.send("POST", "/api/v1/videos/" + id + "/processing", owner.accessToken(),
                null), 409, "conflict");
    }

    @Test
    void stompPushesProgressToTheOwnerOnly() throws Exception {
        Account owner = users.user();
        Account stranger = users.user();
        BlockingQueue<JsonNode> mine = new LinkedBlockingQueue<>();
        List<JsonNode> theirs = new CopyOnWriteArrayList<>();
        WebSocketStompClient client = new WebSocketStompClient(new StandardWebSocketClient());
        StompSession ownerSession = connect(client, owner.accessToken(), mine::add);
        StompSession strangerSession = connect(client, stranger.accessToken(), theirs::add);
        String id = create(owner, unique(pattern)).path("id").asString();
        List<JsonNode> events = new java.util.ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline && (events.isEmpty()
                || !events.getLast().path("state").asString().equals("ready"))) {
            JsonNode event = mine.poll(1, TimeUnit.SECONDS);
            if (event != null && event.path("videoId").asString().equals(id)) {
                events.add(event);
            }
        }
        assertThat(events).as("events").hasSizeGreaterThan(1);
        assertThat(events.getLast().path("state").asString()).as(events.toString()).isEqualTo("ready");
        assertThat(events.getLast().path("progress").asInt()).isEqualTo(100);
        assertThat(theirs).isEmpty();
        ownerSession.disconnect();
        strangerSession.disconnect();
    }

    @Test
    void aCancelledVideoKeepsNothingAndARerunMakesItReady() throws Exception {
        Account owner = users.user();
        Account stranger = users.user();
        JsonNode created = create(owner, unique(longPattern));
        String id = created.path("id").asString();
        await("processing under way").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> video(owner, id).path("processing").path("progress").asInt() > 0);
        ProblemAssert.assertProblem(api.send("DELETE", "/api/v1/videos/" + id + "/processing",
                stranger.accessToken(), null), 404, "not-found");
        HttpResponse<String> cancelled = api.send("DELETE", "/api/v1/videos/" + id + "/processing",
                owner.accessToken(), null);
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        assertThat(Api.json(cancelled).path("processing").path("state").asString()).isEqualTo("cancelled");
        await("the job stops and clears its staging").atMost(Duration.ofSeconds(30))
                .until(() -> stagingDirectories("video") == 0);
        Thread.sleep(1000); // a job that had not stopped would store its outputs now
        JsonNode after = video(owner, id);
        assertThat(after.path("processing").path("state").asString()).isEqualTo("cancelled");
        assertThat(after.path("renditions").isEmpty()).isTrue();
        assertThat(absent(after.path("hlsUrl"))).isTrue();
        assertThat(outputs(id)).as("nothing stored").isEmpty();
        assertThat(stream(owner, id).statusCode()).as("the original still plays").isEqualTo(206);

        HttpResponse<String> rerun = api.send("POST", "/api/v1/videos/" + id + "/processing", owner.accessToken(),
                null);
        assertThat(rerun.statusCode()).as(rerun.body()).isEqualTo(202);
        assertThat(Api.json(rerun).path("processing").path("state").asString()).isEqualTo("processing");
        assertThat(Api.json(rerun).path("processing").path("progress").asInt()).isZero();
        JsonNode ready = awaitState(owner, id, "ready");
        assertThat(ready.path("renditions").size()).isEqualTo(2);
        assertThat(outputs(id)).isNotEmpty();
    }

    @Test
    void aVideoDeletedWhileProcessingLeavesNothingAndAReadyOnesOutputsGoWithIt() throws Exception {
        Account owner = users.user();
        String processing = create(owner, unique(longPattern)).path("id").asString();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> video(owner, processing).path("processing").path("progress").asInt() > 0);
        assertThat(api.send("DELETE", "/api/v1/videos/" + processing, owner.accessToken(), null).statusCode())
                .isEqualTo(204);
        await("the job stops and clears its staging").atMost(Duration.ofSeconds(30))
                .until(() -> stagingDirectories("video") == 0);
        assertThat(outputs(processing)).isEmpty();

        String id = create(owner, unique(deletePattern)).path("id").asString();
        awaitState(owner, id, "ready");
        List<VideoFile> outputs = outputs(id);
        assertThat(outputs).isNotEmpty();
        for (VideoFile file : outputs) { // outside the collector's grace for freshly stored blobs
            StoredBlobs.age(blobs, storage, file.sha256(), Duration.ofHours(1));
        }
        // Blobs are content-addressed: an output with the same bytes as another video's (the audio init
        // segment of the same tone, say) is still referenced by that video and must stay.
        UUID videoId = UUID.fromString(id);
        Set<String> sharedWithOthers = Set.copyOf(jdbc.sql("SELECT sha256 FROM video_files WHERE video_id <> :id")
                .param("id", videoId).query(String.class).list());
        List<VideoFile> ownOnly = outputs.stream().filter(file -> !sharedWithOthers.contains(file.sha256())).toList();
        assertThat(ownOnly).as("the segments are this video's own").isNotEmpty();
        assertThat(api.send("DELETE", "/api/v1/videos/" + id, owner.accessToken(), null).statusCode()).isEqualTo(204);
        await("the outputs' blobs are deleted").atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            for (VideoFile file : ownOnly) {
                assertThat(blobs.metadata(file.sha256())).as(file.name()).isEmpty();
            }
        });
        Set<String> stillShared = Set.copyOf(jdbc.sql("SELECT sha256 FROM video_files").query(String.class).list());
        for (VideoFile file : outputs) {
            if (stillShared.contains(file.sha256())) {
                assertThat(blobs.metadata(file.sha256())).as("still another video's " + file.name()).isPresent();
            }
        }
        assertThat(outputs(id)).isEmpty();
    }

    @Test
    void outputsARunCommitsWhileItsVideoIsBeingDeletedGoWithIt() throws Exception {
        Account owner = users.user();
        String id = create(owner, unique(pattern)).path("id").asString();
        awaitState(owner, id, "ready");
        UUID videoId = UUID.fromString(id);
        Path staging = blobs.createStaging("test", UUID.randomUUID());
        BlobStore.StoredBlob late = blobs.store(Files.writeString(staging.resolve("late.m4s"),
                "an output of this run alone " + UUID.randomUUID()));
        StoredBlobs.age(blobs, storage, late.sha256(), Duration.ofHours(1));

        // a run's last transaction held open (as VideoOutcomes.ready writes it): the video's row
        // updated, so locked, and an output's row written but not committed yet
        try (HeldTransaction run = HeldTransaction.open(transactions, jdbc, sql -> {
            sql.sql("UPDATE videos SET progress = 100 WHERE id = :id").param("id", videoId).update();
            sql.sql("INSERT INTO video_files (video_id, name, sha256, size_bytes, mime_type)"
                    + " VALUES (:id, 'late.m4s', :sha256, :size, 'video/iso.segment')").param("id", videoId)
                    .param("sha256", late.sha256()).param("size", late.size()).update();
        })) {
            assertThat(outputs(id)).as("not committed yet").noneMatch(file -> file.name().equals("late.m4s"));
            CompletableFuture<Integer> delete = run.meanwhile(
                    () -> api.send("DELETE", "/api/v1/videos/" + id, owner.accessToken(), null).statusCode());
            // the run commits once the delete waits for its lock (were it later, it would see the row committed)
            run.commitOnceBlocked();
            assertThat(delete.get(30, TimeUnit.SECONDS)).isEqualTo(204);
        }
        assertThat(outputs(id)).isEmpty();
        await("the late output's blob is handed to the collector with the video").atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(blobs.metadata(late.sha256())).isEmpty());
    }

    @Test
    void aDeleteThatMeetsAnEditOfTheVideoStillDeletesIt() throws Exception {
        Account owner = users.user();
        String id = create(owner, unique(pattern)).path("id").asString();
        awaitState(owner, id, "ready");
        assertThat(HeldTransaction.meetingAnEdit(transactions, jdbc, "videos", UUID.fromString(id),
                () -> api.send("DELETE", "/api/v1/videos/" + id, owner.accessToken(), null).statusCode()))
                .as("run again on the new version, not 409 conflict").isEqualTo(204);
        assertThat(api.get("/api/v1/videos/" + id, owner.accessToken()).statusCode()).isEqualTo(404);
    }

    @Test
    void aTransientFailureIsRetried() throws Exception {
        Account owner = users.user();
        Path source = unique(pattern);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(source)));
        String uploadId = upload(owner, "clip.mp4", Files.readAllBytes(source));
        Path stored = blobs.directFile(sha256).orElse(null);
        Assumptions.assumeTrue(stored != null, "the blob store keeps blobs as local files");
        Path aside = media.resolve(sha256 + ".aside");
        Files.move(stored, aside); // the original is missing for a moment: storage that did not answer
        HttpResponse<String> created = api.postJson("/api/v1/videos", "{\"uploadId\":\"" + uploadId + "\"}",
                owner.accessToken());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        UUID id = UUID.fromString(Api.json(created).path("id").asString());
        try {
            await("a failed attempt").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> failedAttempts(id) > 0);
            assertThat(video(owner, id.toString()).path("processing").path("state").asString())
                    .as("still processing: it will be retried").isEqualTo("processing");
        }
        finally {
            Files.move(aside, stored, StandardCopyOption.ATOMIC_MOVE);
        }
        JsonNode ready = awaitState(owner, id.toString(), "ready");
        assertThat(ready.path("renditions").size()).isEqualTo(2);
        assertThat(failedAttempts(id)).isEqualTo(1);
    }

    @Test
    void soundOnlyFilesAreRefusedAsVideos() throws Exception {
        Account owner = users.user();
        Path soundOnly = media.resolve("sound-only.mp4");
        run(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i",
                "sine=frequency=620:duration=3", "-c:a", "aac", soundOnly.toString()));
        Path coverOnly = media.resolve("cover.mp4");
        run(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i",
                "sine=frequency=640:duration=3", "-f", "lavfi", "-i", "color=c=red:s=64x64:d=1", "-map", "0:a",
                "-map", "1:v", "-frames:v", "1", "-c:v", "mjpeg", "-disposition:v:0", "attached_pic", "-c:a", "aac",
                coverOnly.toString()));
        for (Path file : List.of(soundOnly, coverOnly)) {
            String uploadId = upload(owner, "clip.mp4", Files.readAllBytes(file));
            long videos = Api.json(api.get("/api/v1/videos?owner=" + owner.id(), owner.accessToken()))
                    .path("totalItems").asLong();
            ProblemAssert.assertInvalidField(api.postJson("/api/v1/videos", "{\"uploadId\":\"" + uploadId + "\"}",
                    owner.accessToken()), "uploadId");
            assertThat(Api.json(api.get("/api/v1/videos?owner=" + owner.id(), owner.accessToken()))
                    .path("totalItems").asLong()).as("nothing saved").isEqualTo(videos);
        }
    }

    private StompSession connect(WebSocketStompClient client, String token, java.util.function.Consumer<JsonNode> sink)
            throws Exception {
        StompHeaders connect = new StompHeaders();
        connect.add("Authorization", "Bearer " + token);
        StompSession session = client.connectAsync(URI.create("ws://127.0.0.1:" + port + "/ws"),
                new WebSocketHttpHeaders(), connect, new StompSessionHandlerAdapter() { }).get(10, TimeUnit.SECONDS);
        session.subscribe("/user/queue/videos", new StompFrameHandler() {
            @Override
            public Type getPayloadType(StompHeaders headers) {
                return byte[].class;
            }

            @Override
            public void handleFrame(StompHeaders headers, Object payload) {
                sink.accept(Api.json(new String((byte[]) payload, StandardCharsets.UTF_8)));
            }
        });
        Thread.sleep(300); // the SUBSCRIBE frame reaches the broker before the video is saved
        return session;
    }

    private static boolean absent(JsonNode value) {
        return value.isMissingNode() || value.isNull();
    }

    private long failedAttempts(UUID videoId) {
        return jobs.getJobById(videoId).getJobStates().stream()
                .filter(state -> state.getName() == StateName.FAILED).count();
    }

    private List<VideoFile> outputs(String id) {
        return jdbc.sql("SELECT video_id, name, sha256, size_bytes, mime_type FROM video_files WHERE video_id = :id")
                .param("id", UUID.fromString(id)).query((row, n) -> new VideoFile(row.getObject("video_id", UUID.class),
                        row.getString("name"), row.getString("sha256"), row.getLong("size_bytes"),
                        row.getString("mime_type"))).list();
    }

    private JsonNode create(Account owner, Path source) throws IOException {
        String uploadId = upload(owner, "clip.mp4", Files.readAllBytes(source));
        HttpResponse<String> created = api.postJson("/api/v1/videos", "{\"uploadId\":\"" + uploadId + "\"}",
                owner.accessToken());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Api.json(created);
    }

    private String upload(Account owner, String name, byte[] content) {
        HttpResponse<String> response = api.send(Multipart.upload(api, "/api/v1/uploads", owner.accessToken(), name,
                "application/octet-stream", content));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return Api.json(response).path("id").asString();
    }

    private JsonNode video(Account owner, String id) {
        // a fresh client address each time: polling never trips the per-client limit
        HttpResponse<String> response = new Api(port).get("/api/v1/videos/" + id, owner.accessToken());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Api.json(response);
    }

    private JsonNode awaitState(Account owner, String id, String state) {
        return await("state " + state).atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(300))
                .until(() -> video(owner, id), video -> {
                    String now = video.path("processing").path("state").asString();
                    assertThat(now).as(video.toString()).isIn("processing", state);
                    return now.equals(state);
                });
    }

    private long quota(Account owner) {
        return Api.json(api.get("/api/v1/me/quota", owner.accessToken())).path("storageUsedBytes").asLong();
    }

    private HttpResponse<byte[]> stream(Account viewer, String id) {
        return api.sendBytes(api.request("/api/v1/videos/" + id + "/stream")
                .header("Authorization", "Bearer " + viewer.accessToken()).header("Range", "bytes=0-9").GET());
    }

    private List<JsonNode> events(Account owner, String id) throws Exception {
        HttpResponse<Stream<String>> stream = HttpClient.newHttpClient().send(api.request("/api/v1/videos/" + id
                + "/events").header("Authorization", "Bearer " + owner.accessToken())
                .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
        // the server closes the stream once the video is ready; a stream that never ends fails the test
        return CompletableFuture.supplyAsync(() -> {
            try (Stream<String> lines = stream.body()) {
                return lines.filter(line -> line.startsWith("data:")).map(line -> Api.json(line.substring(5))).toList();
            }
        }).get(120, TimeUnit.SECONDS);
    }

    /** A copy of {@code source} with bytes of its own (a comment), so no other test shares its blobs. */
    private static Path unique(Path source) throws IOException, InterruptedException {
        Path copy = media.resolve(UUID.randomUUID() + ".mp4");
        run(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-i", source.toString(), "-c", "copy",
                "-metadata", "comment=" + UUID.randomUUID(), copy.toString()));
        return copy;
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException("ffmpeg failed: " + output);
        }
    }
}
