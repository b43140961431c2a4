package dev.encore.library.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Year;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

import dev.encore.platform.BlobStore;
import dev.encore.platform.storage.StorageProperties;
import dev.encore.support.Api;
import dev.encore.support.IntegrationTest;
import dev.encore.support.MediaServer;
import dev.encore.support.MediaTools;
import dev.encore.support.ProblemAssert;
import dev.encore.support.StoredBlobs;
import dev.encore.support.TestAccounts.Account;

/**
 * Tracks saved from finished imports: validation per field, visibility, featuring, ETag
 * conflicts, filters, streaming with Range, and blobs deleted only when unreferenced.
 */
class TracksIT extends IntegrationTest {

    /** One character (U+1F3B5), two UTF-16 units. */
    private static final String NOTE = "\uD83C\uDFB5";

    @TempDir
    static Path media;

    private static MediaServer origin;

    @Autowired
    private StorageProperties storage;
    @Autowired
    private BlobStore blobs;
    @Autowired
    private org.springframework.jdbc.core.JdbcTemplate jdbc;
    @Autowired
    private dev.encore.ingest.IngestMaintenance maintenance;

    @BeforeAll
    static void origin() throws Exception {
        MediaTools.require("yt-dlp", "ffmpeg", "ffprobe");
        origin = new MediaServer();
        for (int n = 0; n < 5; n++) {
            origin.file("/song" + n + ".mp3", MediaTools.tone(media.resolve("song" + n + ".mp3"), "Song " + n,
                    250 + 70 * n, 3), "audio/mpeg", 0);
        }
    }

    @AfterAll
    static void stopOrigin() {
        if (origin != null) {
            origin.close();
        }
    }

    @Test
    void aFinishedImportBecomesAStreamableTrack() throws Exception {
        Account owner = users.user();
        String fileId = importedFile(owner, "/song0.mp3");
        JsonNode file = Api.json(api.get("/api/v1/files/" + fileId, owner.accessToken()));

        HttpResponse<String> created = api.postJson("/api/v1/tracks", "{\"fileId\":\"" + fileId + "\",\"artist\":"
                + "\"Encore Test\",\"genre\":\"Ambient\",\"year\":2024,\"tags\":[\"calm\",\"test\"],\"visibility\":"
                + "\"public\"}", owner.accessToken());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode track = Api.json(created);
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/tracks/" + track.path("id").asString());
        assertThat(track.path("title").asString()).isEqualTo("Song 0");
        assertThat(track.path("durationMs").asLong()).isBetween(2700L, 3300L);
        assertThat(track.path("tags").toString()).isEqualTo("[\"calm\",\"test\"]");
        assertThat(track.path("visibility").asString()).isEqualTo("public");
        assertThat(api.get("/api/v1/files/" + fileId, owner.accessToken()).statusCode())
                .as("the file is library content now, no longer an expiring import file").isEqualTo(404);

        String id = track.path("id").asString();
        HttpResponse<byte[]> range = bytes(owner, "/api/v1/tracks/" + id + "/stream", "Range", "bytes=10-29");
        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(range.headers().firstValue("Content-Range")).hasValue("bytes 10-29/" + file.path("size").asLong());
        assertThat(range.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("inline;");
        HttpResponse<byte[]> whole = bytes(users.user(), "/api/v1/tracks/" + id + "/stream");
        assertThat(whole.statusCode()).as("public: anyone signed in may play it").isEqualTo(200);
        assertThat(range.body()).isEqualTo(Arrays.copyOfRange(whole.body(), 10, 30));
        assertThat(bytes(owner, "/api/v1/tracks/" + id + "/stream", "If-None-Match",
                whole.headers().firstValue("ETag").orElseThrow()).statusCode()).isEqualTo(304);
    }

    static Stream<Arguments> badDetails() {
        return Stream.of(
                Arguments.of("\"title\":\"" + "t".repeat(256) + "\"", "title"),
                Arguments.of("\"title\":\"   \"", "title"),
                Arguments.of("\"artist\":\"" + "a".repeat(256) + "\"", "artist"),
                Arguments.of("\"artist\":\"\"", "artist"),
                Arguments.of("\"album\":\"" + "a".repeat(256) + "\"", "album"),
                Arguments.of("\"genre\":\"" + "g".repeat(51) + "\"", "genre"),
                Arguments.of("\"year\":1899", "year"),
                Arguments.of("\"year\":" + (Year.now().getValue() + 1), "year"),
                Arguments.of("\"tags\":[\"" + "x".repeat(51) + "\"]", "tags[0]"),
                Arguments.of("\"title\":\"" + NOTE.repeat(256) + "\"", "title"),
                Arguments.of("\"tags\":[\"" + NOTE.repeat(51) + "\"]", "tags[0]"),
                Arguments.of("\"title\":\"t\\\"\\r\\nX: y\"", "title"),
                Arguments.of("\"album\":\"a\\u001b[31m\"", "album"),
                Arguments.of("\"tags\":[\"x\\ty\"]", "tags[0]"),
                Arguments.of("\"category\":\"" + "c".repeat(51) + "\"", "category"),
                Arguments.of("\"visibility\":\"secret\"", "visibility"),
                // values of another JSON type, which Jackson coerced before (2020.5 -> 2020, 2 -> the third visibility)
                Arguments.of("\"visibility\":2", "visibility"),
                Arguments.of("\"year\":2020.5", "year"),
                Arguments.of("\"year\":\"2020\"", "year"),
                Arguments.of("\"title\":42", "title"),
                Arguments.of("\"tags\":[\"a\",7]", "tags[1]"),
                Arguments.of("\"tags\":[\"a\",null]", "tags[1]")); // was a 500
    }

    @ParameterizedTest
    @MethodSource("badDetails")
    void badMetadataIsAFieldErrorAndNothingIsSaved(String field, String name) {
        Account owner = users.user();
        HttpResponse<String> response = api.postJson("/api/v1/tracks", "{\"fileId\":\"" + java.util.UUID.randomUUID()
                + "\"," + (field.startsWith("\"artist\"") ? "" : "\"artist\":\"A\",") + field + "}", // once: twice is malformed
                owner.accessToken());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"" + name + "\"");
        assertThat(Api.json(api.get("/api/v1/tracks?owner=" + owner.id(), owner.accessToken())).path("totalItems")
                .asLong()).isZero();
    }

    @Test
    void textLimitsCountCharactersNotUtf16Units() throws Exception {
        Account owner = users.user();
        // 255 characters, 510 UTF-16 units: @Size refused them, and H2 (which counts units) would not hold them
        HttpResponse<String> created = api.postJson("/api/v1/tracks", "{\"fileId\":\"" + importedFile(owner, "/song0.mp3")
                + "\",\"title\":\"" + NOTE.repeat(255) + "\",\"artist\":\"" + NOTE.repeat(255) + "\",\"album\":\""
                + NOTE.repeat(255) + "\",\"genre\":\"" + NOTE.repeat(50) + "\",\"category\":\"" + NOTE.repeat(50)
                + "\",\"tags\":[\"" + NOTE.repeat(50) + "\"]}", owner.accessToken());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = Api.json(created).path("id").asString();
        JsonNode track = Api.json(api.get("/api/v1/tracks/" + id, owner.accessToken()));
        assertThat(List.of("title", "artist", "album").stream().map(field -> track.path(field).asString()))
                .containsOnly(NOTE.repeat(255));
        assertThat(List.of("genre", "category").stream().map(field -> track.path(field).asString()))
                .containsOnly(NOTE.repeat(50));
        assertThat(track.path("tags").valueStream().map(JsonNode::asString)).containsExactly(NOTE.repeat(50));

        ProblemAssert.assertInvalidField(patch(owner, id, null, "{\"title\":\"" + NOTE.repeat(256) + "\"}"), "title");
        ProblemAssert.assertInvalidField(patch(owner, id, null, "{\"genre\":\"" + NOTE.repeat(51) + "\"}"), "genre");
        ProblemAssert.assertInvalidField(patch(owner, id, null, "{\"tags\":[\"" + NOTE.repeat(51) + "\"]}"), "tags[0]");
        assertThat(Api.json(api.get("/api/v1/tracks/" + id, owner.accessToken())).path("title").asString())
                .isEqualTo(NOTE.repeat(255));

        // the default title, the file name of an import named with 200 characters (400 units): whole, no half pair
        HttpResponse<String> named = api.postJson("/api/v1/tracks", "{\"fileId\":\"" + importedFile(owner,
                "/song1.mp3", NOTE.repeat(200)) + "\",\"artist\":\"A\"}", owner.accessToken());
        assertThat(named.statusCode()).as(named.body()).isEqualTo(201);
        assertThat(Api.json(named).path("title").asString()).isEqualTo(NOTE.repeat(200));
    }

    @Test
    void everyInvalidFieldIsReportedAtOnceTheYearRuleIncluded() {
        Account owner = users.user();
        HttpResponse<String> response = api.postJson("/api/v1/tracks", "{\"fileId\":\"" + java.util.UUID.randomUUID()
                + "\",\"artist\":\"\",\"title\":\"   \",\"year\":" + (Year.now().getValue() + 1) + "}",
                owner.accessToken());
        JsonNode problem = ProblemAssert.assertProblem(response, 400, "validation-failed");
        assertThat(problem.path("errors").valueStream().map(error -> error.path("field").asString()))
                .contains("artist", "title", "year");
    }

    @Test
    void visibilityFeaturingAndConcurrentEditsFollowTheRules() throws Exception {
        Account owner = users.user();
        Account other = users.user();
        // a name of its own: the services run keeps the database between runs
        String artist = "Private Artist " + java.util.UUID.randomUUID().toString().substring(0, 8);
        String query = "artist=" + artist.replace(" ", "%20");
        String id = track(owner, "/song1.mp3", "\"artist\":\"" + artist + "\"");

        assertThat(api.get("/api/v1/tracks/" + id, other.accessToken()).statusCode()).as("private").isEqualTo(404);
        assertThat(bytes(other, "/api/v1/tracks/" + id + "/stream").statusCode()).isEqualTo(404);
        assertThat(api.get("/api/v1/tracks/" + id, users.admin().accessToken()).statusCode()).isEqualTo(200);
        assertThat(listed(other, query)).isZero();

        HttpResponse<String> read = api.get("/api/v1/tracks/" + id, owner.accessToken());
        String etag = read.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> unlisted = patch(owner, id, etag, "{\"visibility\":\"unlisted\"}");
        assertThat(unlisted.statusCode()).as(unlisted.body()).isEqualTo(200);
        assertThat(patch(owner, id, etag, "{\"title\":\"Stale\"}").statusCode()).as("stale ETag").isEqualTo(412);
        assertThat(Api.json(api.get("/api/v1/tracks/" + id, owner.accessToken())).path("title").asString())
                .isEqualTo("Song 1");
        assertThat(api.get("/api/v1/tracks/" + id, other.accessToken()).statusCode()).as("unlisted: by id").isEqualTo(200);
        assertThat(listed(other, query)).as("unlisted: never listed to others").isZero();
        assertThat(patch(other, id, null, "{\"title\":\"Mine now\"}").statusCode()).isEqualTo(403);

        assertThat(patch(owner, id, null, "{\"featured\":true}").statusCode()).as("featuring is for admins")
                .isEqualTo(403);
        HttpResponse<String> featured = patch(users.admin(), id, null, "{\"featured\":true,\"visibility\":\"public\"}");
        assertThat(featured.statusCode()).isEqualTo(200);
        assertThat(Api.json(featured).path("featured").asBoolean()).isTrue();
        assertThat(listed(other, query.toLowerCase(java.util.Locale.ROOT))).as("public: listed, artist matched in any case")
                .isOne();
    }

    @Test
    void filtersAndSortingNarrowTheListing() throws Exception {
        Account owner = users.user();
        track(owner, "/song2.mp3", "\"artist\":\"Filter Band\",\"genre\":\"Jazz\",\"year\":1999,\"tags\":[\"night\"],"
                + "\"category\":\"live\"");
        track(owner, "/song3.mp3", "\"artist\":\"Filter Band\",\"genre\":\"Rock\",\"year\":2010");
        String mine = "owner=" + owner.id() + "&";
        assertThat(listed(owner, mine + "artist=Filter%20Band")).isEqualTo(2);
        assertThat(listed(owner, mine + "genre=jazz")).isOne();
        assertThat(listed(owner, mine + "tag=night")).isOne();
        assertThat(listed(owner, mine + "category=live")).isOne();
        assertThat(listed(owner, mine + "yearFrom=2000")).isOne();
        assertThat(listed(owner, mine + "yearFrom=1990&yearTo=2020")).isEqualTo(2);
        assertThat(listed(owner, mine + "visibility=PUBLIC")).isZero();
        // the values as the bodies and the OpenAPI enum spell them
        assertThat(listed(owner, mine + "visibility=public")).isZero();
        assertThat(listed(owner, mine + "visibility=private")).isEqualTo(2);
        JsonNode byYear = Api.json(api.get("/api/v1/tracks?" + mine + "sort=year,desc", owner.accessToken()));
        assertThat(byYear.path("items").get(0).path("year").asInt()).isEqualTo(2010);
        assertThat(api.get("/api/v1/tracks?sort=sha256", owner.accessToken()).statusCode()).isEqualTo(400);
        assertThat(api.get("/api/v1/tracks?yearFrom=abc", owner.accessToken()).statusCode()).isEqualTo(400);
    }

    @Test
    void aBlobIsDeletedOnlyWhenNoTrackUsesItAnyMore() throws Exception {
        Account first = users.user();
        Account second = users.user();
        // the same source imported by two users: one stored blob, two tracks
        String one = track(first, "/song4.mp3", "\"artist\":\"Shared\"");
        String two = track(second, "/song4.mp3", "\"artist\":\"Shared\"");
        String sha = sha(first, one);
        assertThat(sha(second, two)).isEqualTo(sha);
        StoredBlobs.age(blobs, storage, sha, java.time.Duration.ofHours(1));

        assertThat(api.send("DELETE", "/api/v1/tracks/" + one, second.accessToken(), null).statusCode()).isEqualTo(404);
        assertThat(api.send("DELETE", "/api/v1/tracks/" + one, first.accessToken(), null).statusCode()).isEqualTo(204);
        assertThat(blobs.metadata(sha)).as("the other track still uses it").isPresent();
        assertThat(api.send("DELETE", "/api/v1/tracks/" + two, second.accessToken(), null).statusCode()).isEqualTo(204);
        assertThat(blobs.metadata(sha)).as("the import's shared artifact may still be reused for an hour").isPresent();
        jdbc.update("update import_artifacts set expires_at = ? where sha256 = ?",
                java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(60)), sha);
        maintenance.deleteExpired();
        assertThat(blobs.metadata(sha)).as("nothing uses it any more").isEmpty();
        assertThat(api.get("/api/v1/tracks/" + two, second.accessToken()).statusCode()).isEqualTo(404);
    }

    @Test
    void onlyMyOwnLiveFilesCanBeSaved() throws Exception {
        Account owner = users.user();
        String fileId = importedFile(owner, "/song1.mp3");
        Account thief = users.user();
        assertThat(api.postJson("/api/v1/tracks", "{\"fileId\":\"" + fileId + "\",\"artist\":\"X\"}",
                thief.accessToken()).statusCode()).isEqualTo(404);
        HttpResponse<String> noArtist = api.postJson("/api/v1/tracks", "{\"fileId\":\"" + fileId + "\"}",
                owner.accessToken());
        assertThat(noArtist.statusCode()).isEqualTo(400);
        assertThat(api.get("/api/v1/files/" + fileId, owner.accessToken()).statusCode())
                .as("a refused save leaves the file where it was").isEqualTo(200);
        assertThat(api.postJson("/api/v1/tracks", "{\"artist\":\"X\"}", owner.accessToken()).statusCode())
                .isEqualTo(400);
    }

    @Test
    void savingOneImportFileTwiceAtOnceMakesOneTrackAndNoServerError() throws Exception {
        Account owner = users.user();
        String fileId = importedFile(owner, "/song2.mp3");
        List<HttpResponse<String>> answers = atOnce(4, () -> new Api(port).postJson("/api/v1/tracks",
                "{\"fileId\":\"" + fileId + "\",\"artist\":\"Racer\"}", owner.accessToken()));
        assertThat(answers.stream().filter(answer -> answer.statusCode() == 201)).as("one track").hasSize(1);
        assertThat(answers.stream().filter(answer -> answer.statusCode() != 201)).hasSize(3).allSatisfy(answer -> {
            assertThat(answer.statusCode()).as(answer.body()).isIn(404, 409);
            assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        });
        assertThat(listed(owner, "owner=" + owner.id())).isOne();
    }

    /** {@code count} calls of {@code request}, all under way at once. */
    private static List<HttpResponse<String>> atOnce(int count,
            java.util.function.Supplier<HttpResponse<String>> request) throws Exception {
        try (var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<HttpResponse<String>>> calls = new java.util.ArrayList<>();
            for (int n = 0; n < count; n++) {
                calls.add(threads.submit(() -> {
                    start.await();
                    return request.get();
                }));
            }
            start.countDown();
            List<HttpResponse<String>> answers = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<HttpResponse<String>> call : calls) {
                answers.add(call.get());
            }
            return answers;
        }
    }

    private String importedFile(Account owner, String path) throws Exception {
        return importedFile(owner, path, null);
    }

    private String importedFile(Account owner, String path, String customName) throws Exception {
        HttpResponse<String> accepted = new Api(port).postJson("/api/v1/imports", "{\"url\":\"" + origin.url(path)
                + "\"" + (customName == null ? "" : ",\"customName\":\"" + customName + "\"") + "}", owner.accessToken());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String id = Api.json(accepted).path("id").asString();
        JsonNode done = await("the import").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> {
                    JsonNode current = Api.json(new Api(port).get("/api/v1/imports/" + id, owner.accessToken()));
                    assertThat(current.path("status").asString()).isIn("QUEUED", "RUNNING", "SUCCEEDED");
                    return current;
                }, current -> current.path("status").asString().equals("SUCCEEDED"));
        return done.path("items").get(0).path("fileId").asString();
    }

    private String track(Account owner, String path, String fields) throws Exception {
        HttpResponse<String> created = api.postJson("/api/v1/tracks", "{\"fileId\":\"" + importedFile(owner, path)
                + "\"," + fields + "}", owner.accessToken());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Api.json(created).path("id").asString();
    }

    private String sha(Account owner, String trackId) {
        return Api.json(bytes(owner, "/api/v1/tracks/" + trackId + "/stream").headers().firstValue("ETag")
                .orElseThrow()).asString();
    }

    private long listed(Account viewer, String query) {
        HttpResponse<String> response = new Api(port).get("/api/v1/tracks?" + query, viewer.accessToken());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Api.json(response).path("totalItems").asLong();
    }

    private HttpResponse<String> patch(Account who, String id, String ifMatch, String json) {
        HttpRequest.Builder request = new Api(port).request("/api/v1/tracks/" + id)
                .header("Authorization", "Bearer " + who.accessToken()).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return api.send(request);
    }

    private HttpResponse<byte[]> bytes(Account who, String path, String... headers) {
        HttpRequest.Builder request = api.request(path).header("Authorization", "Bearer " + who.accessToken());
        if (headers.length > 0) {
            request.headers(headers);
        }
        return api.sendBytes(request);
    }
}
