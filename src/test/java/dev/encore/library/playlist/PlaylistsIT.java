package dev.encore.library.playlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;


import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

import dev.encore.support.Api;
import dev.encore.support.IntegrationTest;
import dev.encore.support.MediaTools;
import dev.encore.support.Multipart;
import dev.encore.support.ProblemAssert;
import dev.encore.support.TestAccounts.Account;

/** Playlists: field rules, ordered items, If-Match conflicts, visibility and share links. */
class PlaylistsIT extends IntegrationTest {

    @TempDir
    static Path media;

    private static byte[] song;

    @BeforeAll
    static void song() throws Exception {
        MediaTools.require("ffmpeg", "ffprobe");
        song = Files.readAllBytes(MediaTools.tone(media.resolve("playlist.mp3"), "Listed", 610, 2));
    }

    @Test
    void fieldsAreValidated() {
        Account owner = users.user();
        ProblemAssert.assertInvalidField(post(owner, "/api/v1/playlists", "{}", null), "name");
        ProblemAssert.assertInvalidField(post(owner, "/api/v1/playlists", "{\"name\":\"  \"}", null), "name");
        ProblemAssert.assertInvalidField(post(owner, "/api/v1/playlists", "{\"name\":\"" + "n".repeat(101) + "\"}", null), "name");
        ProblemAssert.assertInvalidField(post(owner, "/api/v1/playlists", "{\"name\":\"ok\",\"description\":\"" + "d".repeat(501) + "\"}",
                null), "description");
        assertThat(Api.json(api.get("/api/v1/playlists", owner.accessToken())).path("items").valueStream()
                .filter(p -> p.path("ownerId").asString().equals(owner.id())).count()).isZero();
    }

    @Test
    void nameAndDescriptionLimitsCountCharactersNotUtf16Units() {
        Account owner = users.user();
        String note = "\uD83C\uDFB5"; // one character, two UTF-16 units (which @Size and H2 count)
        HttpResponse<String> created = post(owner, "/api/v1/playlists", "{\"name\":\"" + note.repeat(100)
                + "\",\"description\":\"" + note.repeat(500) + "\"}", null);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = Api.json(created).path("id").asString();
        JsonNode read = Api.json(api.get("/api/v1/playlists/" + id, owner.accessToken()));
        assertThat(read.path("name").asString()).isEqualTo(note.repeat(100));
        assertThat(read.path("description").asString()).isEqualTo(note.repeat(500));
        ProblemAssert.assertInvalidField(post(owner, "/api/v1/playlists", "{\"name\":\"" + note.repeat(101) + "\"}", null),
                "name");
        ProblemAssert.assertInvalidField(send(owner, "PATCH", "/api/v1/playlists/" + id, "{\"description\":\""
                + note.repeat(501) + "\"}", null), "description");
        assertThat(Api.json(api.get("/api/v1/playlists/" + id, owner.accessToken())).path("description").asString())
                .isEqualTo(note.repeat(500));
    }

    @Test
    void itemsAreAddedReorderedAndRemovedAndStaleEditsAreRefused() {
        Account owner = users.user();
        List<String> tracks = List.of(track(owner, "public"), track(owner, "public"), track(owner, "public"));
        HttpResponse<String> created = post(owner, "/api/v1/playlists", "{\"name\":\"Road trip\"}", null);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = Api.json(created).path("id").asString();
        String etag = created.headers().firstValue("ETag").orElseThrow();

        for (String track : tracks) {
            HttpResponse<String> added = post(owner, "/api/v1/playlists/" + id + "/items", "{\"trackId\":\"" + track
                    + "\"}", etag);
            assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
            assertThat(added.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(etag);
            etag = added.headers().firstValue("ETag").orElseThrow();
        }
        // a position outside the list is refused, not moved to its nearest end
        ProblemAssert.assertInvalidField(post(owner, "/api/v1/playlists/" + id + "/items", "{\"trackId\":\""
                + tracks.getFirst() + "\",\"position\":-1}", etag), "position");
        ProblemAssert.assertInvalidField(post(owner, "/api/v1/playlists/" + id + "/items", "{\"trackId\":\""
                + tracks.getFirst() + "\",\"position\":4}", etag), "position");
        // a second client still holding an old ETag loses, and changes nothing
        HttpResponse<String> stale = post(owner, "/api/v1/playlists/" + id + "/items", "{\"trackId\":\""
                + tracks.getFirst() + "\"}", Api.json(created).path("version").asString());
        assertThat(stale.statusCode()).isEqualTo(412);
        JsonNode playlist = Api.json(api.get("/api/v1/playlists/" + id, owner.accessToken()));
        assertThat(playlist.path("items")).hasSize(3);
        List<String> itemIds = new ArrayList<>();
        playlist.path("items").forEach(item -> itemIds.add(item.path("id").asString()));

        List<String> reversed = List.of(itemIds.get(2), itemIds.get(1), itemIds.get(0));
        HttpResponse<String> reordered = send(owner, "PUT", "/api/v1/playlists/" + id + "/items/order",
                "{\"itemIds\":[\"" + String.join("\",\"", reversed) + "\"]}", etag);
        assertThat(reordered.statusCode()).as(reordered.body()).isEqualTo(200);
        assertThat(Api.json(reordered).path("items").get(0).path("track").path("id").asString()).isEqualTo(tracks.get(2));
        etag = reordered.headers().firstValue("ETag").orElseThrow();
        assertThat(send(owner, "PUT", "/api/v1/playlists/" + id + "/items/order", "{\"itemIds\":[\""
                + itemIds.getFirst() + "\"]}", etag).statusCode()).as("not a permutation").isEqualTo(400);

        HttpResponse<String> removed = send(owner, "DELETE", "/api/v1/playlists/" + id + "/items/" + itemIds.get(1),
                null, etag);
        assertThat(removed.statusCode()).isEqualTo(200);
        assertThat(Api.json(removed).path("items")).hasSize(2);
        assertThat(Api.json(removed).path("items").get(1).path("position").asInt()).isEqualTo(1);

        etag = removed.headers().firstValue("ETag").orElseThrow();
        for (String track : List.of(tracks.get(2), tracks.get(1))) { // now tracks 2, 0, 2, 1
            etag = added(owner, id, track, etag);
        }
        Instant updated = Instant.parse(Api.json(api.get("/api/v1/playlists/" + id, owner.accessToken()))
                .path("updatedAt").asString());

        // deleting a track takes every item of it out of playlists as removing them by hand does: the rest
        // close up, and the playlist has a new version, so a copy cached or edited under the old ETag is stale
        assertThat(api.send("DELETE", "/api/v1/tracks/" + tracks.get(2), owner.accessToken(), null).statusCode())
                .isEqualTo(204);
        HttpResponse<String> revalidated = api.send(api.request("/api/v1/playlists/" + id)
                .header("Authorization", "Bearer " + owner.accessToken()).header("If-None-Match", etag).GET());
        assertThat(revalidated.statusCode()).as("the cached copy is stale").isEqualTo(200);
        assertThat(revalidated.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(etag);
        JsonNode afterDelete = Api.json(revalidated);
        assertThat(afterDelete.path("items").valueStream().map(item -> item.path("track").path("id").asString()))
                .containsExactly(tracks.get(0), tracks.get(1));
        assertThat(afterDelete.path("items").valueStream().map(item -> item.path("position").asInt()))
                .containsExactly(0, 1);
        assertThat(Instant.parse(afterDelete.path("updatedAt").asString())).isAfter(updated);
        assertThat(send(owner, "PATCH", "/api/v1/playlists/" + id, "{\"name\":\"Stale\"}", etag).statusCode())
                .as("an edit made on the copy from before the delete").isEqualTo(412);

        // a cache revalidating with "*" asks only whether the playlist exists (RFC 9110 13.1.2)
        HttpResponse<String> any = api.send(api.request("/api/v1/playlists/" + id)
                .header("Authorization", "Bearer " + owner.accessToken()).header("If-None-Match", "*").GET());
        assertThat(any.statusCode()).as(any.body()).isEqualTo(304);
        assertThat(any.body()).isEmpty();
        assertThat(any.headers().firstValue("ETag")).isPresent();
        assertThat(api.send(api.request("/api/v1/playlists/" + UUID.randomUUID())
                .header("Authorization", "Bearer " + owner.accessToken()).header("If-None-Match", "*").GET())
                .statusCode()).as("none exists: the problem as usual").isEqualTo(404);
    }

    /** An account's tracks leave other users' playlists with it, as a deleted track does. */
    @Test
    void aDeletedAccountsTracksLeaveEveryonesPlaylistsWithANewVersion() {
        Account leaving = users.user();
        Account listener = users.user();
        String theirs = track(leaving, "public");
        String mine = track(listener, "public");
        HttpResponse<String> created = post(listener, "/api/v1/playlists", "{\"name\":\"Borrowed\"}", null);
        String id = Api.json(created).path("id").asString();
        String etag = created.headers().firstValue("ETag").orElseThrow();
        for (String track : List.of(theirs, mine, theirs)) {
            etag = added(listener, id, track, etag);
        }

        HttpResponse<String> deleted = api.send("DELETE", "/api/v1/me", leaving.accessToken(),
                "{\"password\":\"" + leaving.password() + "\"}");
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(Api.json(api.get("/api/v1/playlists/"
                + id, listener.accessToken())).path("items")).hasSize(1));
        HttpResponse<String> after = api.get("/api/v1/playlists/" + id, listener.accessToken());
        assertThat(after.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(etag);
        assertThat(Api.json(after).path("items").get(0).path("track").path("id").asString()).isEqualTo(mine);
        assertThat(Api.json(after).path("items").get(0).path("position").asInt()).isZero();
        assertThat(send(listener, "PATCH", "/api/v1/playlists/" + id, "{\"name\":\"Stale\"}", etag).statusCode())
                .isEqualTo(412);
    }

    /**
     * Changes that meet at the same moment: without If-Match each applies to the playlist as it is
     * (none is refused because another came first), with the same If-Match exactly one wins and the
     * others are 412, never 409.
     */
    @Test
    void simultaneousChangesApplyWithoutIfMatchAndOnlyOneWinsWithIt() throws Exception {
        Account owner = users.user();
        String track = track(owner, "public");
        HttpResponse<String> created = post(owner, "/api/v1/playlists", "{\"name\":\"Together\"}", null);
        String id = Api.json(created).path("id").asString();

        List<Integer> unconditional = atOnce(10, () -> post(owner, "/api/v1/playlists/" + id + "/items",
                "{\"trackId\":\"" + track + "\"}", null).statusCode());
        assertThat(unconditional).as("every change applied").containsOnly(200);
        JsonNode playlist = Api.json(api.get("/api/v1/playlists/" + id, owner.accessToken()));
        assertThat(playlist.path("items")).hasSize(10);

        String current = "\"" + playlist.path("version").asString() + "\"";
        List<Integer> conditional = atOnce(10, () -> send(owner, "PATCH", "/api/v1/playlists/" + id,
                "{\"name\":\"Renamed\"}", current).statusCode());
        assertThat(conditional).as(conditional.toString()).containsOnly(200, 412);
        assertThat(conditional.stream().filter(status -> status == 200).count()).isEqualTo(1);
    }

    /** Runs {@code count} calls at the same moment; their answers. */
    private static List<Integer> atOnce(int count, java.util.concurrent.Callable<Integer> call) throws Exception {
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Integer>> calls = new ArrayList<>();
        try (java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors
                .newVirtualThreadPerTaskExecutor()) {
            for (int n = 0; n < count; n++) {
                calls.add(threads.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
        }
        List<Integer> answers = new ArrayList<>();
        for (java.util.concurrent.Future<Integer> answer : calls) {
            answers.add(answer.get());
        }
        return answers;
    }

    @Test
    void privatePublicAndSharedPlaylists() {
        Account owner = users.user();
        Account other = users.user();
        String hidden = track(owner, "private");
        String open = track(owner, "public");
        String id = Api.json(post(owner, "/api/v1/playlists", "{\"name\":\"Mine\"}", null)).path("id").asString();
        post(owner, "/api/v1/playlists/" + id + "/items", "{\"trackId\":\"" + hidden + "\"}", null);
        post(owner, "/api/v1/playlists/" + id + "/items", "{\"trackId\":\"" + open + "\"}", null);

        assertThat(api.get("/api/v1/playlists/" + id, other.accessToken()).statusCode()).isEqualTo(404);
        assertThat(post(other, "/api/v1/playlists/" + id + "/items", "{\"trackId\":\"" + open + "\"}", null)
                .statusCode()).isEqualTo(404);

        String token = Api.json(post(owner, "/api/v1/playlists/" + id + "/share", "", null)).path("token").asString();
        JsonNode shared = Api.json(api.get("/api/v1/playlists/shared/" + token, other.accessToken()));
        assertThat(shared.path("id").asString()).isEqualTo(id);
        assertThat(shared.path("items")).as("the private track stays hidden from others").hasSize(1);
        assertThat(shared.has("shareToken")).as("the token is the owner's to see").isFalse();
        assertThat(Api.json(api.get("/api/v1/playlists/" + id, owner.accessToken())).path("shareToken").asString())
                .as("the owner sees the link is live").isEqualTo(token);
        assertThat(api.get("/api/v1/playlists/shared/not-a-token", other.accessToken()).statusCode()).isEqualTo(404);
        assertThat(Api.json(post(owner, "/api/v1/playlists/" + id + "/share", "", null)).path("token").asString())
                .as("sharing again keeps the link").isEqualTo(token);

        // a leaked link is revoked, and sharing again gives a new one; only the owner may do either
        assertThat(send(other, "DELETE", "/api/v1/playlists/" + id + "/share", null, null).statusCode()).isEqualTo(404);
        assertThat(api.get("/api/v1/playlists/shared/" + token, other.accessToken()).statusCode()).isEqualTo(200);
        assertThat(send(owner, "DELETE", "/api/v1/playlists/" + id + "/share", null, null).statusCode()).isEqualTo(204);
        assertThat(send(owner, "DELETE", "/api/v1/playlists/" + id + "/share", null, null).statusCode())
                .as("revoking twice").isEqualTo(204);
        assertThat(api.get("/api/v1/playlists/shared/" + token, other.accessToken()).statusCode()).isEqualTo(404);
        assertThat(Api.json(api.get("/api/v1/playlists/" + id, owner.accessToken())).has("shareToken"))
                .as("no link, no token").isFalse();
        String rotated = Api.json(post(owner, "/api/v1/playlists/" + id + "/share", "", null)).path("token").asString();
        assertThat(rotated).isNotEqualTo(token);
        assertThat(api.get("/api/v1/playlists/shared/" + rotated, other.accessToken()).statusCode()).isEqualTo(200);
        assertThat(api.get("/api/v1/playlists/shared/" + token, other.accessToken()).statusCode()).isEqualTo(404);

        assertThat(send(owner, "PATCH", "/api/v1/playlists/" + id, "{\"isPublic\":true}", null).statusCode())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/playlists/" + id, other.accessToken()).statusCode()).isEqualTo(200);
        assertThat(send(other, "PATCH", "/api/v1/playlists/" + id, "{\"name\":\"Theirs\"}", null).statusCode())
                .as("public means readable, not writable").isEqualTo(403);
        assertThat(post(owner, "/api/v1/playlists/" + id + "/items", "{\"trackId\":\"" + UUID.randomUUID() + "\"}",
                null).statusCode()).isEqualTo(400);
    }

    @Test
    void aPageOfPlaylistsCarriesTheirTracksInOrderWithStreamUrls() {
        Account owner = users.user();
        List<String> tracks = List.of(track(owner, "private"), track(owner, "private"), track(owner, "private"));
        for (int n = 0; n < 4; n++) {
            HttpResponse<String> created = post(owner, "/api/v1/playlists", "{\"name\":\"Mix " + n + "\"}", null);
            String id = Api.json(created).path("id").asString();
            String etag = created.headers().firstValue("ETag").orElseThrow();
            for (String track : List.of(tracks.get(n % 3), tracks.get((n + 1) % 3))) {
                etag = added(owner, id, track, etag);
            }
        }
        JsonNode page = Api.json(api.get("/api/v1/playlists?size=100&sort=createdAt,desc", owner.accessToken()));
        List<JsonNode> mine = page.path("items").valueStream()
                .filter(playlist -> playlist.path("ownerId").asString().equals(owner.id())).toList();
        assertThat(mine).hasSize(4).allSatisfy(playlist -> assertThat(playlist.path("items")).hasSize(2));
        // newest first: "Mix 3" holds tracks 0 then 1
        assertThat(mine.getFirst().path("name").asString()).isEqualTo("Mix 3");
        assertThat(mine.getFirst().path("items").valueStream().map(item -> item.path("track").path("id").asString()))
                .containsExactly(tracks.get(0), tracks.get(1));
        assertThat(mine.getFirst().path("items").get(0).path("track").path("streamUrl").asString())
                .startsWith("http://localhost:8080/stream/tracks/");
    }

    private String track(Account owner, String visibility) {
        Api client = new Api(port);
        HttpResponse<String> uploaded = client.send(Multipart.upload(client, "/api/v1/uploads", owner.accessToken(),
                "s.mp3", "audio/mpeg", song));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        HttpResponse<String> track = post(owner, "/api/v1/tracks", "{\"uploadId\":\"" + Api.json(uploaded).path("id")
                .asString() + "\",\"visibility\":\"" + visibility + "\"}", null);
        assertThat(track.statusCode()).as(track.body()).isEqualTo(201);
        return Api.json(track).path("id").asString();
    }

    /** Adds a track at the end of a playlist, under If-Match; the playlist's new ETag. */
    private String added(Account owner, String playlist, String track, String etag) {
        HttpResponse<String> added = post(owner, "/api/v1/playlists/" + playlist + "/items", "{\"trackId\":\""
                + track + "\"}", etag);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
        return added.headers().firstValue("ETag").orElseThrow();
    }

    private HttpResponse<String> post(Account who, String path, String json, String ifMatch) {
        return send(who, "POST", path, json, ifMatch);
    }

    private HttpResponse<String> send(Account who, String method, String path, String json, String ifMatch) {
        HttpRequest.Builder request = new Api(port).request(path).header("Authorization", "Bearer " + who.accessToken())
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch.startsWith("\"") ? ifMatch : "\"" + ifMatch + "\"");
        }
        return api.send(request);
    }
}
