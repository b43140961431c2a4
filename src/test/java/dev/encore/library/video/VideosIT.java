package dev.encore.library.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;

import dev.encore.library.LibraryFixtures;
import dev.encore.support.Api;
import dev.encore.support.IntegrationTest;
import dev.encore.support.MediaTools;
import dev.encore.support.Multipart;
import dev.encore.support.ProblemAssert;
import dev.encore.support.TestAccounts.Account;

/** Videos: saved from video uploads, validated, private by default, streamed with Range, searchable, deleted. */
class VideosIT extends IntegrationTest {

    @TempDir
    static Path media;

    private static byte[] clip;
    private static byte[] song;

    @BeforeAll
    static void media() throws Exception {
        MediaTools.require("ffmpeg", "ffprobe");
        clip = Files.readAllBytes(MediaTools.video(media.resolve("clip.mp4"), 2));
        song = Files.readAllBytes(MediaTools.tone(media.resolve("song.mp3"), "Song", 500, 2));
    }

    @Test
    void aVideoUploadBecomesAPrivateStreamableSearchableVideo() {
        Account owner = users.user();
        String word = LibraryFixtures.uniqueWord(9);
        String upload = upload(owner, "holiday.mp3", clip); // the name lies: the bytes decide
        HttpResponse<String> created = api.postJson("/api/v1/videos", "{\"uploadId\":\"" + upload
                + "\",\"title\":\"Holiday " + word + "\",\"tags\":[\"beach\"],\"description\":\"Sun.\"}",
                owner.accessToken());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode video = Api.json(created);
        String id = video.path("id").asString();
        assertThat(video.path("mimeType").asString()).isEqualTo("video/mp4");
        assertThat(video.path("durationMs").asLong()).isBetween(1800L, 2300L);
        assertThat(video.path("visibility").asString()).isEqualTo("private");
        assertThat(created.headers().firstValue("Location")).contains("/api/v1/videos/" + id);

        Account other = users.user();
        ProblemAssert.assertProblem(api.get("/api/v1/videos/" + id, other.accessToken()), 404, "not-found");
        assertThat(stream(other, id, "bytes=0-9").statusCode()).isEqualTo(404);
        HttpResponse<byte[]> range = stream(owner, id, "bytes=4-11");
        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(range.body()).isEqualTo(java.util.Arrays.copyOfRange(clip, 4, 12));
        assertThat(range.headers().firstValue("Content-Type")).contains("video/mp4");

        HttpResponse<String> published = patch(owner, id, "\"" + video.path("version").asLong() + "\"",
                "{\"visibility\":\"public\"}");
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        assertThat(api.get("/api/v1/videos/" + id, other.accessToken()).statusCode()).isEqualTo(200);
        assertThat(Api.json(api.get("/api/v1/videos?owner=" + owner.id(), other.accessToken())).path("totalItems")
                .asLong()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonNode found = Api.json(api.get("/api/v1/search?type=video&q=" + word.substring(0, 5),
                    other.accessToken()));
            assertThat(found.path("items").valueStream().map(item -> item.path("id").asString())).containsExactly(id);
        });
        assertThat(patch(owner, id, "\"" + video.path("version").asLong() + "\"", "{\"title\":\"Stale\"}")
                .statusCode()).as("the version read before the change").isEqualTo(412);

        assertThat(api.send("DELETE", "/api/v1/videos/" + id, other.accessToken(), null).statusCode()).isEqualTo(403);
        assertThat(api.send("DELETE", "/api/v1/videos/" + id, owner.accessToken(), null).statusCode()).isEqualTo(204);
        assertThat(api.get("/api/v1/videos/" + id, owner.accessToken()).statusCode()).isEqualTo(404);
    }

    @Test
    void onlyVideosBecomeVideosAndFieldsAreValidated() {
        Account owner = users.user();
        ProblemAssert.assertInvalidField(api.postJson("/api/v1/videos", "{\"uploadId\":\""
                + upload(owner, "song.mp4", song) + "\"}", owner.accessToken()), "uploadId");
        String upload = upload(owner, "clip.mp4", clip);
        ProblemAssert.assertInvalidField(api.postJson("/api/v1/videos", "{\"uploadId\":\"" + upload
                + "\",\"title\":\"" + "t".repeat(256) + "\"}", owner.accessToken()), "title");
        ProblemAssert.assertInvalidField(api.postJson("/api/v1/videos", "{\"uploadId\":\"" + upload
                + "\",\"description\":\"" + "d".repeat(5001) + "\"}", owner.accessToken()), "description");
        ProblemAssert.assertProblem(api.postJson("/api/v1/videos", "{\"uploadId\":\"" + upload
                + "\",\"visibility\":\"secret\"}", owner.accessToken()), 400, "malformed-request");
        ProblemAssert.assertInvalidField(api.postJson("/api/v1/videos", "{\"uploadId\":\"" + upload
                + "\",\"tags\":[\"ok\",null]}", owner.accessToken()), "tags[1]"); // was a 500
        ProblemAssert.assertInvalidField(api.postJson("/api/v1/videos", "{}", owner.accessToken()), "fileId");
        ProblemAssert.assertProblem(api.postJson("/api/v1/videos", "{\"uploadId\":\"" + upload
                + "\",\"featured\":true}", owner.accessToken()), 403, "forbidden");
        ProblemAssert.assertProblem(api.postJson("/api/v1/videos", "{\"uploadId\":\"" + upload + "\"}",
                users.user().accessToken()), 404, "not-found");
        HttpResponse<String> saved = api.postJson("/api/v1/videos", "{\"uploadId\":\"" + upload + "\"}",
                owner.accessToken());
        assertThat(saved.statusCode()).as("nothing before was stored: the upload is still there").isEqualTo(201);
        assertThat(Api.json(saved).path("title").asString()).as("the file name").isEqualTo("clip");
    }

    @Test
    void textLimitsCountCharactersNotUtf16Units() {
        Account owner = users.user();
        String note = "\uD83C\uDFB5"; // one character, two UTF-16 units (which @Size and H2 count)
        HttpResponse<String> created = api.postJson("/api/v1/videos", "{\"uploadId\":\"" + upload(owner, "clip.mp4", clip)
                + "\",\"title\":\"" + note.repeat(255) + "\",\"description\":\"" + note.repeat(5000)
                + "\",\"category\":\"" + note.repeat(50) + "\",\"tags\":[\"" + note.repeat(50) + "\"]}", owner.accessToken());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode video = Api.json(api.get("/api/v1/videos/" + Api.json(created).path("id").asString(),
                owner.accessToken()));
        assertThat(video.path("title").asString()).isEqualTo(note.repeat(255));
        assertThat(video.path("description").asString()).isEqualTo(note.repeat(5000));
        assertThat(video.path("category").asString()).isEqualTo(note.repeat(50));
        assertThat(video.path("tags").valueStream().map(JsonNode::asString)).containsExactly(note.repeat(50));
        String unused = "{\"uploadId\":\"" + java.util.UUID.randomUUID() + "\",";
        ProblemAssert.assertInvalidField(api.postJson("/api/v1/videos", unused + "\"title\":\"" + note.repeat(256)
                + "\"}", owner.accessToken()), "title");
        ProblemAssert.assertInvalidField(api.postJson("/api/v1/videos", unused + "\"tags\":[\"" + note.repeat(51)
                + "\"]}", owner.accessToken()), "tags[0]");
    }

    private String upload(Account owner, String name, byte[] content) {
        HttpResponse<String> response = api.send(Multipart.upload(api, "/api/v1/uploads", owner.accessToken(), name,
                "application/octet-stream", content));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return Api.json(response).path("id").asString();
    }

    private HttpResponse<byte[]> stream(Account viewer, String id, String range) {
        return api.sendBytes(api.request("/api/v1/videos/" + id + "/stream")
                .header("Authorization", "Bearer " + viewer.accessToken()).header("Range", range).GET());
    }

    private HttpResponse<String> patch(Account owner, String id, String ifMatch, String json) {
        return api.send(api.request("/api/v1/videos/" + id).header("Authorization", "Bearer " + owner.accessToken())
                .header("Content-Type", "application/json").header("If-Match", ifMatch)
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }
}
