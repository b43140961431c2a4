package dev.encore.library.upload;

import static dev.encore.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.function.IntToLongFunction;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.encore.platform.QuotaLock;
import dev.encore.platform.StorageQuota;
import dev.encore.support.Api;
import dev.encore.support.IntegrationTest;
import dev.encore.support.MediaTools;
import dev.encore.support.Multipart;
import dev.encore.support.TestAccounts.Account;

/**
 * One user's uploads sent at the same time are admitted one at a time against the quotas (on every
 * node: the owner's lock is a database row): what is accepted never passes the room that was left,
 * and the rest are refused with 403 {@code quota-exceeded}; an upload also waits for what an import
 * files under the same lock. The quotas are filled beforehand with an
 * upload row, leaving a little room. (Test limits: 4 MB a day, 3 MB per file.)
 */
class ConcurrentUploadQuotaIT extends IntegrationTest {

    private static final int AT_ONCE = 8;
    private static final int TUS_AT_ONCE = 10;
    private static final long TUS_LENGTH = 70_000;

    @TempDir
    static Path media;

    /** Different songs, so that no two uploads are the same file. */
    private static final List<byte[]> songs = new ArrayList<>();

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private StorageQuota quota;

    @Autowired
    private QuotaLock quotaLock;

    private Account user;
    private UUID owner;

    @BeforeAll
    static void songs() throws Exception {
        MediaTools.require("ffmpeg", "ffprobe");
        for (int n = 0; n < AT_ONCE; n++) {
            songs.add(Files.readAllBytes(MediaTools.tone(media.resolve("song-" + n + ".mp3"), "Song " + n,
                    300 + 40 * n, 3)));
        }
    }

    @BeforeEach
    void newUser() {
        user = users.user();
        owner = UUID.fromString(user.id());
    }

    @Test
    void concurrentUploadsNeverPassTheStorageQuota() throws Exception {
        long room = roomForThreeAndAHalfSongs();
        fillStorageLeaving(room);

        List<HttpResponse<String>> answers = multipartAtOnce();

        assertAdmittedWithin(answers, room, n -> songs.get(n).length);
        assertThat(quota.used(owner)).as("nothing reserved any longer").isLessThanOrEqualTo(quota.limit(owner));
    }

    @Test
    void concurrentUploadsNeverPassTheDailyQuota() throws Exception {
        long room = roomForThreeAndAHalfSongs();
        fillDailyLeaving(room);

        List<HttpResponse<String>> answers = multipartAtOnce();

        long accepted = assertAdmittedWithin(answers, room, n -> songs.get(n).length);
        assertThat(Api.json(api.get("/api/v1/me/quota", user.accessToken())).path("uploadedTodayBytes").asLong())
                .isEqualTo(dailyBytes() - room + accepted);
    }

    @Test
    void concurrentResumableCreationsNeverPassTheStorageQuota() throws Exception {
        fillStorageLeaving(78_000);

        List<HttpResponse<String>> answers = tusAtOnce();

        assertThat(assertAdmittedWithin(answers, 78_000, n -> TUS_LENGTH)).as("only one fits").isEqualTo(TUS_LENGTH);
        assertThat(quota.used(owner)).isLessThanOrEqualTo(quota.limit(owner));
    }

    @Test
    void concurrentResumableCreationsNeverPassTheDailyQuota() throws Exception {
        fillDailyLeaving(150_000);

        List<HttpResponse<String>> answers = tusAtOnce();

        assertThat(assertAdmittedWithin(answers, 150_000, n -> TUS_LENGTH)).as("two fit").isEqualTo(2 * TUS_LENGTH);
    }

    @Test
    void anUploadWaitsForTheQuotaLockAnImportHoldsAndCountsWhatItFiled() throws Exception {
        fillStorageLeaving(roomForThreeAndAHalfSongs());
        CountDownLatch filing = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Object> importFiling = threads.submit(() -> quotaLock.underLock(owner, () -> {
                insertUpload(quota.remaining(owner), Instant.now().minus(Duration.ofDays(2)), // the last bytes
                        Instant.now().plus(Duration.ofHours(1)));
                filing.countDown();
                sleep(Duration.ofMillis(1500)); // the upload arrives meanwhile
                return null;
            }));
            filing.await();
            HttpResponse<String> upload = api.send(Multipart.upload(api, "/api/v1/uploads", user.accessToken(),
                    "song.mp3", "audio/mpeg", songs.getFirst()));
            assertThat(importFiling.isDone()).as("the upload waited for the import's lock").isTrue();
            assertProblem(upload, 403, "quota-exceeded");
        }
        assertThat(quota.remaining(owner)).isZero();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    /** Room for three songs and half of the largest, so that at most three of them fit. */
    private static long roomForThreeAndAHalfSongs() {
        long largest = songs.stream().mapToLong(song -> song.length).max().orElseThrow();
        long smallest = songs.stream().mapToLong(song -> song.length).min().orElseThrow();
        assertThat(4 * smallest).as("the fourth song never fits").isGreaterThan(3 * largest + largest / 2);
        return 3 * largest + largest / 2;
    }

    /** An upload row that stored all but {@code room} of the quota two days ago (outside the daily quota). */
    private void fillStorageLeaving(long room) {
        Instant now = Instant.now();
        insertUpload(quota.remaining(owner) - room, now.minus(Duration.ofDays(2)), now.plus(Duration.ofHours(1)));
        assertThat(quota.remaining(owner)).isEqualTo(room);
    }

    /** An upload row, already used, that took all but {@code room} of today's upload quota. */
    private void fillDailyLeaving(long room) {
        Instant now = Instant.now();
        insertUpload(dailyBytes() - room, now, now.minus(Duration.ofMinutes(1)));
    }

    private void insertUpload(long bytes, Instant createdAt, Instant expiresAt) {
        jdbc.update("insert into uploads (id, owner_id, kind, mime_type, size_bytes, sha256, filename, created_at, "
                + "expires_at) values (?, ?, 'PDF', 'application/pdf', ?, ?, 'filler.pdf', ?, ?)", UUID.randomUUID(),
                owner, bytes, "e".repeat(64), Timestamp.from(createdAt), Timestamp.from(expiresAt));
    }

    private long dailyBytes() {
        return Api.json(api.get("/api/v1/me/quota", user.accessToken())).path("dailyUploadBytes").asLong();
    }

    private List<HttpResponse<String>> multipartAtOnce() throws Exception {
        Api client = new Api(port);
        return atOnce(AT_ONCE, n -> Multipart.upload(client, "/api/v1/uploads", user.accessToken(), "song-" + n + ".mp3",
                "audio/mpeg", songs.get(n)), client);
    }

    private List<HttpResponse<String>> tusAtOnce() throws Exception {
        Api client = new Api(port);
        TusClient tus = new TusClient(client, user.accessToken());
        return atOnce(TUS_AT_ONCE, n -> tus.creation(TUS_LENGTH, "song-" + n + ".mp3"), client);
    }

    /** Sends {@code count} requests at the same moment; answers them in the order of {@code request}'s argument. */
    private static List<HttpResponse<String>> atOnce(int count, IntFunction<HttpRequest.Builder> request, Api client)
            throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> calls = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int n = 0; n < count; n++) {
                HttpRequest.Builder built = request.apply(n);
                calls.add(threads.submit(() -> {
                    start.await();
                    return client.send(built);
                }));
            }
            start.countDown();
        }
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (Future<HttpResponse<String>> call : calls) {
            answers.add(call.get());
        }
        return answers;
    }

    /**
     * Every answer is 201 or a 403 {@code quota-exceeded} problem, at least one is 201, and the sizes
     * of the accepted ones add up to no more than {@code room}; answers their total.
     */
    private static long assertAdmittedWithin(List<HttpResponse<String>> answers, long room, IntToLongFunction size) {
        long accepted = 0;
        int acceptedCount = 0;
        for (int n = 0; n < answers.size(); n++) {
            HttpResponse<String> answer = answers.get(n);
            if (answer.statusCode() == 201) {
                accepted += size.applyAsLong(n);
                acceptedCount++;
            }
            else {
                assertProblem(answer, 403, "quota-exceeded");
            }
        }
        assertThat(acceptedCount).as("some fit").isPositive();
        assertThat(accepted).as("accepted bytes against the room left").isLessThanOrEqualTo(room);
        return accepted;
    }
}
