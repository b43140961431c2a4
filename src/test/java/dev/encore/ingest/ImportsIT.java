package dev.encore.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.states.ProcessingState;
import org.jobrunr.jobs.states.ScheduledState;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.storage.StorageProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;

import dev.encore.ingest.imports.AudioFormat;
import dev.encore.support.Api;
import dev.encore.support.IntegrationTest;
import dev.encore.support.MediaServer;
import dev.encore.support.MediaTools;
import dev.encore.support.TestAccounts.Account;

/**
 * Imports end to end with the real yt-dlp and ffmpeg against a loopback origin: every format,
 * progress, failures, cancel, the per-user cap and single flight across users.
 */
class ImportsIT extends IntegrationTest {

    @TempDir
    static Path media;

    private static MediaServer origin;

    /** {@code jobrunr.background-job-server.poll-interval-in-seconds}. */
    private static final Duration POLL_INTERVAL = Duration.ofSeconds(5);

    @Autowired
    private ApplicationEventPublisher events;
    @Autowired
    private PlatformTransactionManager transactions;
    @Autowired
    private StorageProvider jobs;

    private ImportsClient imports;
    private Account user;

    @BeforeAll
    static void origin() throws Exception {
        MediaTools.require("yt-dlp", "ffmpeg", "ffprobe");
        origin = new MediaServer();
        for (int n = 0; n < 8; n++) {
            // tone0 carries a cover picture of its own
            Path tone = MediaTools.tone(media.resolve("tone" + n + ".mp3"), "Tone " + n, 300 + 50 * n, 3, n == 0);
            // tone4 and tone5 are throttled, so the server can tell a complete download from a probe
            origin.file("/tone" + n + ".mp3", tone, "audio/mpeg", n == 4 || n == 5 ? 20_000 : 0);
        }
        Path slow = MediaTools.tone(media.resolve("slow.mp3"), "Slow", 1000, 8);
        for (int n = 1; n <= 5; n++) {
            origin.file("/slow" + n + ".mp3", slow, "audio/mpeg", 4000);
        }
        origin.missing("/gone.mp3");
        origin.text("/no-media.html", "text/html", "<!DOCTYPE html><html><body><p>Nothing to hear here.</p></body></html>");
        origin.text("/player.html", "text/html", "<!DOCTYPE html><html><head><title>Player Page</title></head>"
                + "<body><audio controls src=\"tone2.mp3\"></audio></body></html>");
        origin.failing("/busy.mp3", 503);
        origin.redirect("/moved.mp3", "http://127.0.0.2:9/secret.mp3");
    }

    @AfterAll
    static void stopOrigin() {
        if (origin != null) {
            origin.close();
        }
    }

    @BeforeEach
    void signIn() {
        imports = new ImportsClient(port);
        user = users.user();
    }

    @ParameterizedTest
    @EnumSource(AudioFormat.class)
    void everyFormatIsProducedTaggedAndDownloadable(AudioFormat format) throws Exception {
        String id = imports.start(user.accessToken(), origin.url("/tone0.mp3"), format.extension());

        JsonNode done = imports.awaitFinished(user.accessToken(), id);
        assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
        assertThat(done.path("progress").asInt()).isEqualTo(100);
        JsonNode item = done.path("items").get(0);
        assertThat(item.path("title").asString()).isEqualTo("Tone 0");
        String fileId = item.path("fileId").asString();

        JsonNode file = Api.json(imports.api().get("/api/v1/files/" + fileId, user.accessToken()));
        assertThat(file.path("filename").asString()).isEqualTo("Tone 0." + format.extension());
        assertThat(file.path("mimeType").asString()).isEqualTo(format.mimeType());
        assertThat(file.path("sha256").asString()).hasSize(64);
        assertThat(file.path("durationMs").asLong()).isBetween(2700L, 3300L);
        assertThat(file.path("expiresAt").isMissingNode()).isFalse();

        Path downloaded = media.resolve("download-" + format.extension());
        HttpResponse<Path> response = imports.download(imports.fileLink(user.accessToken(), fileId), downloaded);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Files.size(downloaded)).isEqualTo(file.path("size").asLong());
        JsonNode probe = MediaTools.probe(downloaded);
        assertThat(MediaTools.audioCodec(probe)).isEqualTo(switch (format) {
            case MP3 -> "mp3";
            case M4A, AAC -> "aac";
            case OPUS -> "opus";
            case FLAC -> "flac";
            case WAV -> "pcm_s16le";
        });
        assertThat(probe.path("format").path("duration").asDouble()).isBetween(2.7, 3.3);
        assertThat(MediaTools.tag(probe, "title")).isEqualTo("Tone 0");
        if (format != AudioFormat.WAV && format != AudioFormat.AAC) {
            assertThat(MediaTools.tag(probe, "artist")).isEqualTo("Encore Test");
        }
        boolean hasCover = probe.path("streams").valueStream()
                .anyMatch(stream -> stream.path("disposition").path("attached_pic").asInt() == 1);
        assertThat(hasCover).as("the source's cover, where the container holds one").isEqualTo(format.supportsCoverArt());
    }

    @Test
    void theCustomNameBecomesTheDownloadName() throws Exception {
        HttpResponse<String> response = imports.single(user.accessToken(), origin.url("/tone1.mp3"), "flac",
                "My Song: \"live\" ü");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode done = imports.awaitFinished(user.accessToken(), Api.json(response).path("id").asString());
        String fileId = done.path("items").get(0).path("fileId").asString();
        JsonNode file = Api.json(imports.api().get("/api/v1/files/" + fileId, user.accessToken()));
        assertThat(file.path("filename").asString()).isEqualTo("My Song_ _live_ ü.flac");
        HttpResponse<Path> download = imports.download(imports.fileLink(user.accessToken(), fileId),
                media.resolve("named.flac"));
        assertThat(download.headers().firstValue("Content-Disposition")).hasValue(
                "attachment; filename=\"My Song_ _live_ _.flac\"; filename*=UTF-8''My%20Song_%20_live_%20%C3%BC.flac");
    }

    @Test
    void aSourceThatIsGoneFailsWithUnavailable() throws Exception {
        String id = imports.start(user.accessToken(), origin.url("/gone.mp3"), null);
        JsonNode done = imports.awaitFinished(user.accessToken(), id);
        assertThat(done.path("status").asString()).isEqualTo("FAILED");
        assertThat(done.path("errorCode").asString()).isEqualTo("unavailable");
        assertThat(done.path("errorMessage").asString()).isEqualTo("the source answered 404 Not Found");
        assertThat(done.path("items").get(0).path("errorCode").asString()).isEqualTo("unavailable");
        assertThat(done.path("items").get(0).path("errorMessage").asString())
                .isEqualTo("the source answered 404 Not Found");
        assertThat(done.toString()).doesNotContain("HTTP Error").doesNotContain("yt-dlp").doesNotContain("ERROR:");
    }

    @Test
    void aPageWithAnAudioElementIsExtractedAndDownloadedInOneYtDlpRun() throws Exception {
        String id = imports.start(user.accessToken(), origin.url("/player.html"), "m4a");
        JsonNode done = imports.awaitFinished(user.accessToken(), id);
        assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
        // the page names the media: the title is the site's (the page's), as a look-up would have said
        assertThat(done.path("items").get(0).path("title").asString()).startsWith("Player Page");
        // one run read the page and fetched the media: no separate metadata look-up (yt-dlp -J) before it
        assertThat(origin.hits("/player.html")).as("page requests").isEqualTo(1);
        String fileId = done.path("items").get(0).path("fileId").asString();
        JsonNode file = Api.json(imports.api().get("/api/v1/files/" + fileId, user.accessToken()));
        assertThat(file.path("durationMs").asLong()).isBetween(2700L, 3300L);
    }

    @Test
    void aRepublishedImportQueuedEventRunsNothingTwice() throws Exception {
        String id = imports.start(user.accessToken(), origin.url("/tone3.mp3"), null);
        JsonNode done = imports.awaitFinished(user.accessToken(), id);
        assertThat(done.path("status").asString()).isEqualTo("SUCCEEDED");
        UUID importId = UUID.fromString(id);
        new TransactionTemplate(transactions).executeWithoutResult(status -> events.publishEvent(
                new ImportQueued(importId, UUID.fromString(user.id()))));
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() ->
                jobs.getJobById(importId).getState() == StateName.SUCCEEDED);
        JsonNode after = imports.get(user.accessToken(), id);
        assertThat(after.path("updatedAt").asString()).as("not run again").isEqualTo(done.path("updatedAt").asString());
        assertThat(after.path("items").get(0).path("fileId").asString())
                .isEqualTo(done.path("items").get(0).path("fileId").asString());
    }

    @Test
    void deletingAFinishedImportTwiceAtOnceDeletesItOnceWithoutAServerError() throws Exception {
        String id = imports.start(user.accessToken(), origin.url("/tone6.mp3"), null);
        assertThat(imports.awaitFinished(user.accessToken(), id).path("status").asString()).isEqualTo("SUCCEEDED");
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<HttpResponse<String>>> calls = new java.util.ArrayList<>();
        try (var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (int n = 0; n < 3; n++) {
                calls.add(threads.submit(() -> {
                    start.await();
                    return new Api(port).send("DELETE", "/api/v1/imports/" + id, user.accessToken(), null);
                }));
            }
            start.countDown();
        }
        List<Integer> statuses = new java.util.ArrayList<>();
        for (java.util.concurrent.Future<HttpResponse<String>> call : calls) {
            statuses.add(call.get().statusCode());
        }
        assertThat(statuses).as("one deletion; the others find nothing").containsOnlyOnce(204)
                .allSatisfy(status -> assertThat(status).isIn(204, 404, 409));
        assertThat(imports.api().get("/api/v1/imports/" + id, user.accessToken()).statusCode()).isEqualTo(404);
    }

    @Test
    void aPageWithoutMediaOrAPlaylistLinkThatIsNoneSaySoInWords() throws Exception {
        JsonNode page = imports.awaitFinished(user.accessToken(),
                imports.start(user.accessToken(), origin.url("/no-media.html"), null));
        assertThat(page.path("errorCode").asString()).isEqualTo("unsupported-url");
        assertThat(page.path("errorMessage").asString()).isEqualTo("no audio or video found at this address");

        HttpResponse<String> accepted = imports.api().postJson("/api/v1/imports/playlist",
                "{\"url\":\"" + origin.url("/tone3.mp3") + "\"}", user.accessToken());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        JsonNode playlist = imports.awaitFinished(user.accessToken(), Api.json(accepted).path("id").asString());
        assertThat(playlist.path("status").asString()).isEqualTo("FAILED");
        assertThat(playlist.path("errorCode").asString()).isEqualTo("unsupported-url");
        assertThat(playlist.path("errorMessage").asString()).isEqualTo("no playlist found at this address");
        assertThat(page.toString() + playlist).doesNotContain("Unsupported URL").doesNotContain("yt-dlp");
    }

    @Test
    void transientFailuresAreRetriedWithBackoffAndPermanentOnesAreNot() throws Exception {
        String gone = imports.start(user.accessToken(), origin.url("/gone.mp3"), null);
        assertThat(imports.awaitFinished(user.accessToken(), gone).path("errorCode").asString()).isEqualTo("unavailable");
        int goneHits = origin.hits("/gone.mp3");

        String busy = imports.start(user.accessToken(), origin.url("/busy.mp3"), null);
        JsonNode done = imports.awaitFinished(user.accessToken(), busy);
        assertThat(done.path("status").asString()).isEqualTo("FAILED");
        assertThat(done.path("errorCode").asString()).isEqualTo("network");
        assertThat(done.path("errorMessage").asString()).isEqualTo("the source answered 503 Service Unavailable");
        assertThat(origin.hits("/busy.mp3")).isGreaterThanOrEqualTo(3);
        // three attempts, the retries scheduled 3 s and 9 s after the failures (JobRunr's exponential
        // backoff): read from the job's recorded history, not the wall clock of this test. JobRunr
        // enqueues a scheduled job that falls due before its next poll (5 s) at this poll, so a retry
        // may run up to one poll interval early: the whole run is not >= 12 s (it took 9 s once)
        Job busyJob = awaitJobDone(busy);
        List<ScheduledState> retries = busyJob.getJobStatesOfType(ScheduledState.class).toList();
        assertThat(retries).as("retries").hasSize(2);
        assertThat(Duration.between(retries.get(0).getCreatedAt(), retries.get(0).getScheduledAt()).toMillis())
                .isBetween(2_000L, 3_000L);
        assertThat(Duration.between(retries.get(1).getCreatedAt(), retries.get(1).getScheduledAt()).toMillis())
                .isBetween(8_000L, 9_000L);
        List<ProcessingState> runs = busyJob.getJobStatesOfType(ProcessingState.class).toList();
        assertThat(runs).as("runs").hasSize(3);
        for (int retry = 0; retry < 2; retry++) {
            Instant ran = runs.get(retry + 1).getCreatedAt();
            assertThat(ran).as("retry %d ran after it was scheduled", retry + 1)
                    .isAfter(retries.get(retry).getCreatedAt())
                    .isAfterOrEqualTo(retries.get(retry).getScheduledAt().minus(POLL_INTERVAL));
        }

        assertThat(awaitJobDone(gone).getJobStatesOfType(ScheduledState.class)).as("a permanent failure is not retried")
                .isEmpty();
        assertThat(origin.hits("/gone.mp3")).isEqualTo(goneHits);
    }

    @Test
    void importsAreMeasuredAndTheToolsReportedInReadiness() throws Exception {
        String id = imports.start(user.accessToken(), origin.url("/tone7.mp3"), "opus");
        imports.awaitFinished(user.accessToken(), id);
        HttpResponse<String> metrics = api.send(api.request("/actuator/prometheus")
                .header("Authorization", "Bearer scrape-token-for-tests-0123456789").GET());
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("encore_ingest_imports_total{", "outcome=\"succeeded\"",
                "encore_ingest_imports_requested_total{", "encore_ingest_conversion_duration_seconds_bucket{",
                "encore_ingest_fetched_bytes_total", "encore_ingest_queue_depth", "encore_ingest_running");

        Account admin = users.admin();
        JsonNode health = Api.json(api.get("/readyz", admin.accessToken()));
        JsonNode ingest = health.path("components").path("ingest");
        assertThat(ingest.path("status").asString()).isEqualTo("UP");
        assertThat(ingest.path("details").path("yt-dlp").asString()).matches("\\d{4}\\.\\d{2}\\.\\d{2}.*");
        assertThat(ingest.path("details").path("ffmpeg").asString()).isNotBlank();
        assertThat(ingest.path("details").path("ffprobe").asString()).isNotBlank();
    }

    @Test
    void aRedirectToABlockedAddressFailsCleanly() throws Exception {
        String id = imports.start(user.accessToken(), origin.url("/moved.mp3"), null);
        JsonNode done = imports.awaitFinished(user.accessToken(), id);
        assertThat(done.path("status").asString()).isEqualTo("FAILED");
        assertThat(done.path("errorCode").asString()).isEqualTo("blocked-address");
        assertThat(done.path("errorMessage").asString())
                .isEqualTo("the address leads to a network imports may not reach");
        assertThat(done.path("items").get(0).path("fileId").isMissingNode()).isTrue();
    }

    @Test
    void aBatchWithOneBadLinkIsPartial() throws Exception {
        HttpResponse<String> response = imports.api().postJson("/api/v1/imports/batch", "{\"urls\":[\""
                + origin.url("/tone2.mp3") + "\",\"" + origin.url("/gone.mp3") + "\"],\"format\":\"opus\"}",
                user.accessToken());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode done = imports.awaitFinished(user.accessToken(), Api.json(response).path("id").asString());
        assertThat(done.path("status").asString()).isEqualTo("PARTIAL");
        assertThat(done.path("kind").asString()).isEqualTo("batch");
        assertThat(done.path("items").get(0).path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(done.path("items").get(1).path("status").asString()).isEqualTo("FAILED");
        assertThat(done.path("items").get(1).path("errorCode").asString()).isEqualTo("unavailable");
    }

    @Test
    void cancellingARunningImportStopsItAndLeavesNoFile() throws Exception {
        String id = imports.start(user.accessToken(), origin.url("/slow1.mp3"), null);
        imports.await(user.accessToken(), id, java.time.Duration.ofSeconds(60), "RUNNING");
        await().atMost(Duration.ofSeconds(30)).until(() -> origin.bodies("/slow1.mp3") > 0); // into the slow download

        HttpResponse<String> cancel = imports.api().send("DELETE", "/api/v1/imports/" + id, user.accessToken(), null);
        assertThat(cancel.statusCode()).isEqualTo(204);

        JsonNode after = imports.get(user.accessToken(), id);
        assertThat(after.path("status").asString()).isEqualTo("CANCELLED");
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5))
                .until(() -> imports.get(user.accessToken(), id).path("status").asString().equals("CANCELLED"));
        JsonNode later = imports.get(user.accessToken(), id);
        assertThat(later.path("status").asString()).isEqualTo("CANCELLED");
        assertThat(later.path("items").get(0).path("status").asString()).isEqualTo("CANCELLED");
        assertThat(later.path("items").get(0).path("fileId").isMissingNode()).isTrue();

        // deleting the finished (cancelled) import removes it
        assertThat(imports.api().send("DELETE", "/api/v1/imports/" + id, user.accessToken(), null).statusCode())
                .isEqualTo(204);
        assertThat(imports.api().get("/api/v1/imports/" + id, user.accessToken()).statusCode()).isEqualTo(404);
    }

    @Test
    void aUserMayHaveFourImportsActiveAtOnceAsConfigured() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int n = 2; n <= 5; n++) {
            ids.add(imports.start(user.accessToken(), origin.url("/slow" + n + ".mp3"), null));
        }
        HttpResponse<String> fourth = imports.single(user.accessToken(), origin.url("/tone3.mp3"), null, null);
        assertThat(fourth.statusCode()).isEqualTo(429);
        assertThat(fourth.headers().firstValue("Retry-After")).isPresent();
        assertThat(Api.json(fourth).path("type").asString()).endsWith("/too-many-imports");

        // the cap is per user: another user is accepted
        Account other = users.user();
        String theirs = imports.start(other.accessToken(), origin.url("/tone3.mp3"), null);

        // once one of mine is cancelled, I may start another
        imports.api().send("DELETE", "/api/v1/imports/" + ids.getFirst(), user.accessToken(), null);
        String again = imports.start(user.accessToken(), origin.url("/tone3.mp3"), null);
        for (String id : ids) {
            imports.api().send("DELETE", "/api/v1/imports/" + id, user.accessToken(), null);
        }
        assertThat(imports.awaitFinished(other.accessToken(), theirs).path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(imports.awaitFinished(user.accessToken(), again).path("status").asString()).isEqualTo("SUCCEEDED");
    }

    @Test
    void eightImportsSentAtOnceByOneUserGetExactlyTheCapOfFour() throws Exception {
        Account racer = users.user();
        List<Callable<HttpResponse<String>>> starts = new ArrayList<>();
        for (int n = 0; n < 8; n++) {
            String url = origin.url("/slow" + (n % 5 + 1) + ".mp3");
            starts.add(() -> new ImportsClient(port).single(racer.accessToken(), url, null, null));
        }
        List<Integer> statuses = new ArrayList<>();
        List<String> accepted = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (Future<HttpResponse<String>> answer : pool.invokeAll(starts)) {
                HttpResponse<String> response = answer.get();
                statuses.add(response.statusCode());
                if (response.statusCode() == 202) {
                    accepted.add(Api.json(response).path("id").asString());
                }
                else {
                    assertThat(Api.json(response).path("type").asString()).endsWith("/too-many-imports");
                }
            }
        }
        for (String id : accepted) {
            imports.api().send("DELETE", "/api/v1/imports/" + id, racer.accessToken(), null);
        }
        assertThat(statuses).as("the admission checks of one user run one at a time, on any node")
                .containsExactlyInAnyOrder(202, 202, 202, 202, 429, 429, 429, 429);
    }

    @Test
    void tenConcurrentIdenticalImportsFromThreeUsersFetchTheSourceOnce() throws Exception {
        // one import's worth of downloads from the origin, measured on a source of its own
        String baseline = imports.start(user.accessToken(), origin.url("/tone4.mp3"), "m4a");
        imports.awaitFinished(user.accessToken(), baseline);
        assertThat(origin.completed("/tone4.mp3")).as("one import downloads its source once").isEqualTo(1);

        List<Account> owners = List.of(users.user(), users.user(), users.user());
        List<Callable<String>> starts = new ArrayList<>();
        for (int n = 0; n < 10; n++) {
            Account owner = owners.get(n % 3);
            starts.add(() -> new ImportsClient(port).start(owner.accessToken(), origin.url("/tone5.mp3"), "m4a"));
        }
        List<String> ids = new ArrayList<>();
        List<Account> idOwners = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(10)) {
            List<Future<String>> futures = pool.invokeAll(starts);
            for (int n = 0; n < futures.size(); n++) {
                ids.add(futures.get(n).get());
                idOwners.add(owners.get(n % 3));
            }
        }
        List<String> fileIds = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        for (int n = 0; n < ids.size(); n++) {
            JsonNode done = imports.awaitFinished(idOwners.get(n).accessToken(), ids.get(n));
            assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
            String fileId = done.path("items").get(0).path("fileId").asString();
            fileIds.add(fileId);
            hashes.add(Api.json(imports.api().get("/api/v1/files/" + fileId, idOwners.get(n).accessToken()))
                    .path("sha256").asString());
        }
        // metadata probes may repeat per node (the metadata cache is shared, not single flight);
        // the download and conversion happen once
        assertThat(origin.completed("/tone5.mp3")).as("downloads from the origin").isEqualTo(1);
        assertThat(fileIds).doesNotHaveDuplicates();
        assertThat(hashes).containsOnly(hashes.getFirst());
    }

    @Test
    void nobodyElseSeesMyImportOrFile() throws Exception {
        String id = imports.start(user.accessToken(), origin.url("/tone6.mp3"), null);
        JsonNode done = imports.awaitFinished(user.accessToken(), id);
        String fileId = done.path("items").get(0).path("fileId").asString();
        Account stranger = users.user();
        Api api = imports.api();
        assertThat(api.get("/api/v1/imports/" + id, stranger.accessToken()).statusCode()).isEqualTo(404);
        assertThat(api.get("/api/v1/imports/" + id + "/events", stranger.accessToken()).statusCode()).isEqualTo(404);
        assertThat(api.send("DELETE", "/api/v1/imports/" + id, stranger.accessToken(), null).statusCode())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/files/" + fileId, stranger.accessToken()).statusCode()).isEqualTo(404);
        assertThat(api.postJson("/api/v1/files/" + fileId + "/link", "", stranger.accessToken()).statusCode())
                .isEqualTo(404);
        assertThat(Api.json(api.get("/api/v1/imports", stranger.accessToken())).path("totalItems").asLong()).isZero();
        assertThat(Api.json(api.get("/api/v1/imports?status=succeeded", user.accessToken())).path("totalItems")
                .asLong()).isEqualTo(1);
        assertThat(api.get("/api/v1/imports", null).statusCode()).isEqualTo(401);
    }

    /** The import's JobRunr job once it is done (succeeded, failed or deleted), with its state history. */
    private Job awaitJobDone(String importId) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> jobs.getJobById(UUID.fromString(importId)),
                job -> job.getState() == StateName.SUCCEEDED || job.getState() == StateName.FAILED
                        || job.getState() == StateName.DELETED);
    }

}
