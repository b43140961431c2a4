package dev.encore.library.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

import tools.jackson.databind.JsonNode;

import dev.encore.library.LibraryFixtures;
import dev.encore.support.Api;
import dev.encore.support.IntegrationTest;
import dev.encore.support.ProblemAssert;
import dev.encore.support.TestAccounts.Account;

/**
 * Search: ranked, prefix and typo-tolerant; only what the caller may list; following every change
 * (also deletion) through the outbox; answering from the database when the index is gone, then
 * rebuilding it; reindex on demand. Runs against Lucene embedded and PostgreSQL in the services run.
 */
class SearchIT extends IntegrationTest {

    private static final Duration INDEXED = Duration.ofSeconds(15);

    @TempDir
    static Path media;

    @Autowired
    private JdbcTemplate jdbc;

    private LibraryFixtures library;

    @BeforeEach
    void fixtures() throws Exception {
        library = LibraryFixtures.of(api, media);
    }

    /**
     * Ranking, typos and the source header are the engine's: a test starts once a rebuild that an
     * earlier test caused (an index removed, a reindex) is done, not on the database fallback.
     */
    @BeforeEach
    void engineTrusted() {
        awaitEngineTrusted();
    }

    @Test
    void findsByPrefixAndDespiteTyposRankingTheBetterMatchFirst() {
        Account user = users.user();
        String word = LibraryFixtures.uniqueWord(9);
        String nocturne = library.track(user, "title", "Nocturne " + word, "artist", "Frédéric Chopin",
                "album", "Night Pieces", "tags", "piano").path("id").asString();
        String waltz = library.track(user, "title", "Waltz", "artist", "Chopin", "album", word + " Collection")
                .path("id").asString();
        awaitHits(user, word, 2);

        assertThat(ids(search(user, word))).as("a title match ranks above an album match")
                .containsExactly(nocturne, waltz);
        String typo = word.substring(0, 3) + (word.charAt(3) == 'x' ? 'y' : 'x') + word.substring(4);
        assertThat(ids(search(user, typo))).as("one wrong letter").contains(nocturne, waltz);
        String twoTypos = swap(typo, 6);
        assertThat(ids(search(user, twoTypos))).as("two edits in a long word").contains(nocturne);
        assertThat(ids(search(user, word.substring(0, 4)))).as("search as you type").contains(nocturne, waltz);
        assertThat(ids(search(user, "chopin " + word))).as("every word must match").containsExactly(nocturne, waltz);
        assertThat(ids(search(user, "frederic " + word))).as("accents folded").containsExactly(nocturne);
        assertThat(ids(search(user, "nocturne " + word + " piano"))).as("tags are searched")
                .containsExactly(nocturne);
        assertThat(ids(search(user, word + "&artist=Chopin"))).as("exact filter, any case").containsExactly(waltz);
    }

    @Test
    void playlistsAreFoundByNameAndTypeNarrows() {
        Account user = users.user();
        String word = LibraryFixtures.uniqueWord(8);
        HttpResponse<String> created = api.postJson("/api/v1/playlists",
                "{\"name\":\"Road trip " + word + "\",\"isPublic\":true}", user.accessToken());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String playlist = Api.json(created).path("id").asString();
        String track = library.track(user, "title", word, "artist", "Band").path("id").asString();
        awaitHits(user, word, 2);

        JsonNode playlists = search(user, word + "&type=playlist");
        assertThat(ids(playlists)).containsExactly(playlist);
        assertThat(playlists.path("items").get(0).path("type").asString()).isEqualTo("playlist");
        assertThat(ids(search(user, word + "&type=track"))).containsExactly(track);
        assertThat(ids(search(users.user(), word + "&type=playlist"))).as("public: everyone finds it")
                .containsExactly(playlist);
    }

    @Test
    void findsOnlyWhatTheCallerMayListAndFollowsChangesAndDeletes() {
        Account owner = users.user();
        Account other = users.user();
        String word = LibraryFixtures.uniqueWord(8);
        String privateTrack = library.track(owner, "title", word + " demo", "artist", "Me").path("id").asString();
        String unlisted = library.track(owner, "title", word + " unlisted", "artist", "Me", "visibility", "unlisted")
                .path("id").asString();
        String published = library.track(owner, "title", word + " single", "artist", "Me", "visibility", "public")
                .path("id").asString();
        awaitHits(owner, word, 3);

        assertThat(ids(search(other, word))).as("private and unlisted are not listed for others")
                .containsExactly(published);
        assertThat(ids(search(users.admin(), word))).containsExactlyInAnyOrder(privateTrack, unlisted, published);

        JsonNode track = Api.json(api.get("/api/v1/tracks/" + privateTrack, owner.accessToken()));
        HttpResponse<String> patched = api.send(api.request("/api/v1/tracks/" + privateTrack)
                .header("Authorization", "Bearer " + owner.accessToken()).header("Content-Type", "application/json")
                .header("If-Match", "\"" + track.path("version").asLong() + "\"")
                .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString("{\"visibility\":\"public\"}")));
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        await().atMost(INDEXED).untilAsserted(() -> assertThat(ids(search(other, word)))
                .containsExactlyInAnyOrder(privateTrack, published));

        assertThat(api.send("DELETE", "/api/v1/tracks/" + published, owner.accessToken(), null).statusCode())
                .isEqualTo(204);
        assertThat(ids(search(other, word))).as("deleted content is never listed, even before the index hears of it")
                .containsExactly(privateTrack);
        await().atMost(INDEXED).untilAsserted(() -> assertThat(search(other, word).path("totalItems").asLong())
                .as("and the index forgets it").isEqualTo(1));
    }

    @Test
    void aDeletedAccountsContentLeavesTheIndex() {
        Account leaving = users.user();
        Account other = users.user();
        String word = LibraryFixtures.uniqueWord(9);
        library.track(leaving, "title", word + " farewell", "artist", "Leaver", "visibility", "public");
        HttpResponse<String> playlist = api.postJson("/api/v1/playlists", "{\"name\":\"" + word + " mix\","
                + "\"isPublic\":true}", leaving.accessToken());
        assertThat(playlist.statusCode()).isEqualTo(201);
        awaitHits(other, word, 2);

        HttpResponse<String> deleted = api.send("DELETE", "/api/v1/me", leaving.accessToken(),
                "{\"password\":\"" + dev.encore.support.TestAccounts.PASSWORD + "\"}");
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);

        awaitHits(other, word, 0); // the engine's own total: the documents are gone, not just filtered
        assertThat(api.get("/api/v1/playlists/" + Api.json(playlist).path("id").asString(), other.accessToken())
                .statusCode()).isEqualTo(404);
    }

    @Test
    void badQueriesAreRefusedPerField() {
        String token = users.user().accessToken();
        ProblemAssert.assertInvalidField(api.get("/api/v1/search", token), "q");
        ProblemAssert.assertInvalidField(api.get("/api/v1/search?q=%20%20", token), "q");
        ProblemAssert.assertInvalidField(api.get("/api/v1/search?q=" + "a".repeat(201), token), "q");
        ProblemAssert.assertInvalidField(api.get("/api/v1/search?q=%21%21%21", token), "q");
        ProblemAssert.assertInvalidField(api.get("/api/v1/search?q=x&type=song", token), "type");
        ProblemAssert.assertInvalidField(api.get("/api/v1/search?q=x&size=1000", token), "size");
        assertThat(api.get("/api/v1/search?q=x").statusCode()).isEqualTo(401);
    }

    @Test
    void oddButValidQueriesNeitherFailNorSetTheEngineAside() {
        String token = users.user().accessToken();
        HttpResponse<String> nothing = api.get("/api/v1/search?q=mix&type=playlist&genre=Jazz", token);
        assertThat(nothing.statusCode()).as("playlists have no genre: nothing, not an error").isEqualTo(200);
        assertThat(Api.json(nothing).path("totalItems").asLong()).isZero();
        String many = String.join("+", java.util.Collections.nCopies(12, "abcdefghij"));
        HttpResponse<String> long12 = api.get("/api/v1/search?q=" + many, token);
        assertThat(long12.statusCode()).as(long12.body()).isEqualTo(200);
        assertThat(long12.headers().firstValue(SearchController.SOURCE_HEADER)).isNotEqualTo(
                java.util.Optional.of("database"));
        ProblemAssert.assertInvalidField(api.get("/api/v1/search?q=x&page=21474837&size=100", token), "page");
        assertThat(health().path("status").asString()).isEqualTo("UP");
    }

    @Test
    void answersFromTheDatabaseWhenTheIndexIsGoneThenRebuildsIt() {
        Account user = users.user();
        String word = LibraryFixtures.uniqueWord(10);
        String id = library.track(user, "title", "Requiem " + word, "artist", "Beyoncé").path("id").asString();
        awaitHits(user, word, 1);
        String engine = health().path("details").path("engine").asString();

        removeIndex(engine);

        // every word must match, the one without its accent too (on H2 and PostgreSQL alike)
        HttpResponse<String> fallback = api.get("/api/v1/search?q=beyonce%20" + word, user.accessToken());
        assertThat(fallback.statusCode()).as(fallback.body()).isEqualTo(200);
        assertThat(fallback.headers().firstValue(SearchController.SOURCE_HEADER)).contains("database");
        assertThat(ids(Api.json(fallback))).containsExactly(id);
        await().atMost(INDEXED).untilAsserted(() -> {
            JsonNode health = health();
            assertThat(health.path("status").asString()).isEqualTo("UP");
            assertThat(health.path("details").path("rebuilding").asBoolean()).isFalse();
        });
        HttpResponse<String> rebuilt = api.get("/api/v1/search?q=" + swap(word, 4), user.accessToken());
        assertThat(rebuilt.headers().firstValue(SearchController.SOURCE_HEADER)).contains(engine);
        assertThat(ids(Api.json(rebuilt))).as("typo tolerance is back").containsExactly(id);
    }

    /**
     * A change indexed while the engine's storage is gone sets the engine aside for a rebuild; the
     * failed write must not take the listener's own transaction with it, or the change's event
     * stays incomplete and is delivered again and again.
     */
    @Test
    void aChangeMadeWhileTheIndexIsGoneIsHandledOnceAndFoundAfterTheRebuild() {
        Account user = users.user();
        String word = LibraryFixtures.uniqueWord(10);
        String id = library.track(user, "title", word, "artist", "Somebody").path("id").asString();
        awaitHits(user, word, 1);
        String engine = health().path("details").path("engine").asString();

        removeIndex(engine);
        String renamed = LibraryFixtures.uniqueWord(10);
        JsonNode track = Api.json(api.get("/api/v1/tracks/" + id, user.accessToken()));
        HttpResponse<String> patched = api.send(api.request("/api/v1/tracks/" + id)
                .header("Authorization", "Bearer " + user.accessToken()).header("Content-Type", "application/json")
                .header("If-Match", "\"" + track.path("version").asLong() + "\"")
                .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString("{\"title\":\"" + renamed + "\"}")));
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);

        await().atMost(INDEXED).untilAsserted(() -> assertThat(jdbc.queryForObject("""
                select count(*) from event_publication where completion_date is null
                and listener_id like '%SearchIndexer%' and serialized_event like ?""", Integer.class, "%" + id + "%"))
                .as("the indexer's publications of this change are done").isZero());
        awaitEngineTrusted();
        HttpResponse<String> found = api.get("/api/v1/search?q=" + renamed, user.accessToken());
        assertThat(found.headers().firstValue(SearchController.SOURCE_HEADER)).contains(engine);
        assertThat(ids(Api.json(found))).containsExactly(id);
    }

    @Test
    void healthTurnsDegradedWhileTheIndexIsGone() {
        Account user = users.user();
        String word = LibraryFixtures.uniqueWord(10);
        library.track(user, "title", word, "artist", "Somebody");
        awaitHits(user, word, 1);
        String engine = health().path("details").path("engine").asString();
        // a slow rebuild is not needed: the flag is set before the rebuild starts and the search
        // that found the index gone answers from the database
        removeIndex(engine);
        api.get("/api/v1/search?q=" + word, user.accessToken());
        awaitEngineTrusted();
        assertThat(ids(search(user, word))).hasSize(1);
    }

    @Test
    void reindexIsForAdminsAndKeepsEverything() {
        Account user = users.user();
        String word = LibraryFixtures.uniqueWord(8);
        String id = library.track(user, "title", word, "artist", "Reindexed").path("id").asString();
        awaitHits(user, word, 1);

        HttpResponse<String> refused = api.postJson("/api/v1/admin/search/reindex", "", user.accessToken());
        assertThat(refused.statusCode()).isEqualTo(403);
        HttpResponse<String> accepted = api.postJson("/api/v1/admin/search/reindex", "", tokens.admin());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        awaitEngineTrusted();
        HttpResponse<String> after = api.get("/api/v1/search?q=" + word, user.accessToken());
        assertThat(after.headers().firstValue(SearchController.SOURCE_HEADER)).isNotEqualTo(
                java.util.Optional.of("database"));
        assertThat(ids(Api.json(after))).containsExactly(id);
    }

    private void removeIndex(String engine) {
        if (engine.equals("lucene")) {
            FileSystemUtils.deleteRecursively(dataDir().resolve("index").resolve("library").toFile());
        }
        else {
            // the lexicon too: a rebuild must bring typo tolerance back from the documents alone
            jdbc.execute("DROP TABLE search_documents, search_words");
        }
    }

    /** From a fresh client address each time: polling never trips the per-client rate limit. */
    private JsonNode health() {
        return Api.json(new Api(port).get("/actuator/health", tokens.admin())).path("components").path("search");
    }

    /** Until search answers from its engine again (a rebuild after an earlier test's failure is done). */
    private void awaitEngineTrusted() {
        await().atMost(INDEXED).pollInterval(Duration.ofMillis(250))
                .until(() -> health().path("status").asString().equals("UP"));
    }

    private void awaitHits(Account user, String query, int count) {
        await().atMost(INDEXED).untilAsserted(() -> assertThat(search(user, query).path("totalItems").asLong())
                .isEqualTo(count));
    }

    private JsonNode search(Account user, String queryAndParameters) {
        int amp = queryAndParameters.indexOf('&');
        String q = amp < 0 ? queryAndParameters : queryAndParameters.substring(0, amp);
        String rest = amp < 0 ? "" : queryAndParameters.substring(amp);
        HttpResponse<String> response = api.get("/api/v1/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)
                + rest, user.accessToken());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Api.json(response);
    }

    private static List<String> ids(JsonNode page) {
        return StreamSupport.stream(page.path("items").spliterator(), false).map(item -> item.path("id").asString())
                .toList();
    }

    /** The word with the letters at {@code at} and {@code at + 1} swapped (two edits). */
    private static String swap(String word, int at) {
        char[] letters = word.toCharArray();
        char first = letters[at];
        letters[at] = letters[at + 1];
        letters[at + 1] = first;
        return new String(letters);
    }
}
