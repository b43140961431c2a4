package dev.encore.live.presenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;

import dev.encore.library.LibraryFixtures;
import dev.encore.support.Api;
import dev.encore.support.IntegrationTest;
import dev.encore.support.MediaTools;
import dev.encore.support.Multipart;
import dev.encore.support.Pdfs;
import dev.encore.support.ProblemAssert;
import dev.encore.support.StompTestClient;
import dev.encore.support.TestAccounts.Account;

/**
 * Presenter sessions with a real rendered presentation and real STOMP clients: only the owner
 * starts one, only the presenter moves the slide and the pointer, viewers follow, a late joiner gets
 * the current slide at once, and the end reaches everybody.
 */
class PresenterSessionsIT extends IntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private PresenterAbsenceJob absence;

    @Test
    void viewersFollowThePresenterAndOnlyThePresenterLeads() throws Exception {
        Account owner = users.user();
        Account viewer = users.user();
        String presentation = rendered(owner, "public", 3);

        ProblemAssert.assertProblem(api.postJson(live(presentation), "", viewer.accessToken()), 403, "forbidden");
        ProblemAssert.assertProblem(api.get(live(presentation), viewer.accessToken()), 404, "not-found");
        HttpResponse<String> started = api.postJson(live(presentation), "", owner.accessToken());
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        JsonNode session = Api.json(started);
        assertThat(session.path("slide").asInt()).isEqualTo(1);
        assertThat(session.path("slideCount").asInt()).isEqualTo(3);
        String id = session.path("id").asString();
        HttpResponse<String> again = api.postJson(live(presentation), "", owner.accessToken());
        assertThat(again.statusCode()).as("one session per presentation").isEqualTo(200);
        assertThat(Api.json(again).path("id").asString()).isEqualTo(id);

        String topic = "/topic/live/presentation/" + id;
        String commands = "/app/live/presentation/" + id;
        try (StompTestClient presenter = StompTestClient.connect(port, owner.accessToken()).follow(topic);
                StompTestClient follower = StompTestClient.connect(port, viewer.accessToken()).follow(topic)) {
            assertThat(follower.awaitType("/user/queue/live", "snapshot", WAIT).path("data").path("slide").asInt())
                    .isEqualTo(1);

            presenter.send(commands + "/slide", "{\"slide\":2}");
            assertThat(follower.awaitType(topic, "slide", WAIT).path("data").path("slide").asInt()).isEqualTo(2);

            follower.send(commands + "/slide", "{\"slide\":3}");
            JsonNode refused = follower.awaitType("/user/queue/errors", "live-not-host", WAIT);
            assertThat(refused.path("destination").asString()).isEqualTo(commands + "/slide");
            follower.send(commands + "/pointer", "{\"x\":0.5,\"y\":0.5}");
            follower.awaitType("/user/queue/errors", "live-not-host", WAIT);

            presenter.send(commands + "/slide", "{\"slide\":4}");
            presenter.awaitType("/user/queue/errors", "live-bad-payload", WAIT);
            presenter.send(commands + "/slide", "{\"slide\":\"two\"}");
            presenter.awaitType("/user/queue/errors", "live-bad-payload", WAIT);
            presenter.send(commands + "/pointer", "{\"x\":1.5,\"y\":0.5}");
            presenter.awaitType("/user/queue/errors", "live-bad-payload", WAIT);

            presenter.send(commands + "/pointer", "{\"x\":0.25,\"y\":0.75}");
            JsonNode pointer = follower.awaitType(topic, "pointer", WAIT).path("data");
            assertThat(pointer.path("x").asDouble()).isEqualTo(0.25);
            assertThat(pointer.path("y").asDouble()).isEqualTo(0.75);

            try (StompTestClient late = StompTestClient.connect(port, users.user().accessToken()).follow(topic)) {
                JsonNode snapshot = late.awaitType("/user/queue/live", "snapshot", WAIT).path("data");
                assertThat(snapshot.path("slide").asInt()).as("the current slide at once").isEqualTo(2);
                assertThat(snapshot.path("pointer").path("x").asDouble()).isEqualTo(0.25);
                await().atMost(WAIT).until(() -> Api.json(api.get(live(presentation), viewer.accessToken()))
                        .path("viewerCount").asInt() == 3);
            }

            ProblemAssert.assertProblem(api.send("DELETE", live(presentation), viewer.accessToken(), null), 403,
                    "forbidden");
            assertThat(api.send("DELETE", live(presentation), owner.accessToken(), null).statusCode()).isEqualTo(204);
            follower.awaitType(topic, "ended", WAIT);
            presenter.send(commands + "/slide", "{\"slide\":1}");
            presenter.awaitType("/user/queue/errors", "live-forbidden", WAIT);
        }
        ProblemAssert.assertProblem(api.get(live(presentation), owner.accessToken()), 404, "not-found");
        HttpResponse<String> restarted = api.postJson(live(presentation), "", owner.accessToken());
        assertThat(restarted.statusCode()).as("a new session after the end").isEqualTo(201);
        assertThat(Api.json(restarted).path("id").asString()).isNotEqualTo(id);
    }

    @Test
    void aViewerStopsFollowingOnceThePresentationIsMadePrivate() throws Exception {
        Account owner = users.user();
        Account viewer = users.user();
        String presentation = rendered(owner, "public", 2);
        String id = Api.json(api.postJson(live(presentation), "", owner.accessToken())).path("id").asString();
        String topic = "/topic/live/presentation/" + id;
        try (StompTestClient presenter = StompTestClient.connect(port, owner.accessToken()).follow(topic);
                StompTestClient follower = StompTestClient.connect(port, viewer.accessToken()).follow(topic)) {
            follower.awaitType("/user/queue/live", "snapshot", WAIT);
            HttpResponse<String> hidden = api.send("PATCH", "/api/v1/presentations/" + presentation,
                    owner.accessToken(), "{\"visibility\":\"private\"}");
            assertThat(hidden.statusCode()).as(hidden.body()).isEqualTo(200);
            ProblemAssert.assertProblem(api.get(live(presentation), viewer.accessToken()), 404, "not-found");
            // access is checked again on its own: the subscription ends, and the viewer is told why
            JsonNode ended = follower.awaitType("/user/queue/errors", "live-access-ended", WAIT);
            assertThat(ended.path("destination").asString()).isEqualTo(topic);

            presenter.send("/app/live/presentation/" + id + "/slide", "{\"slide\":2}");
            assertThat(presenter.awaitType(topic, "slide", WAIT).path("data").path("slide").asInt()).isEqualTo(2);
            follower.none(topic, "slide", Duration.ofSeconds(1));
            follower.subscribe(topic);
            follower.awaitType("/user/queue/errors", "live-forbidden", WAIT);
        }
        assertThat(api.send("DELETE", live(presentation), owner.accessToken(), null).statusCode()).isEqualTo(204);
    }

    @Test
    void aPrivatePresentationsSessionIsClosedToOthers() throws Exception {
        Account owner = users.user();
        Account stranger = users.user();
        String presentation = rendered(owner, "private", 1);
        String id = Api.json(api.postJson(live(presentation), "", owner.accessToken())).path("id").asString();

        ProblemAssert.assertProblem(api.get(live(presentation), stranger.accessToken()), 404, "not-found");
        try (StompTestClient follower = StompTestClient.connect(port, stranger.accessToken())) {
            follower.subscribe("/topic/live/presentation/" + id);
            follower.awaitType("/user/queue/errors", "live-forbidden", WAIT);
        }
        assertThat(api.send("DELETE", live(presentation), owner.accessToken(), null).statusCode()).isEqualTo(204);
    }

    @Test
    void endsWhenThePresenterStaysAwayPastTheGrace() throws Exception {
        Account owner = users.user();
        Account viewer = users.user();
        String presentation = rendered(owner, "unlisted", 2);
        String id = Api.json(api.postJson(live(presentation), "", owner.accessToken())).path("id").asString();
        String topic = "/topic/live/presentation/" + id;
        try (StompTestClient follower = StompTestClient.connect(port, viewer.accessToken()).follow(topic)) {
            try (StompTestClient presenter = StompTestClient.connect(port, owner.accessToken()).follow(topic)) {
                await().atMost(WAIT).until(() -> awaySince(id) == null);
            }
            await().atMost(WAIT).until(() -> awaySince(id) != null);
            absence.check(UUID.fromString(id));
            assertThat(api.get(live(presentation), viewer.accessToken()).statusCode()).as("within the grace")
                    .isEqualTo(200);

            // the grace (2 minutes) has passed for the job that checks at its end
            jdbc.update("update presenter_sessions set presenter_away_since = ? where id = ?",
                    Timestamp.from(Instant.now().minus(Duration.ofMinutes(3))), UUID.fromString(id));
            absence.check(UUID.fromString(id));
            assertThat(follower.awaitType(topic, "ended", WAIT).path("data").path("reason").asString())
                    .isEqualTo("presenter-away");
        }
        ProblemAssert.assertProblem(api.get(live(presentation), viewer.accessToken()), 404, "not-found");
    }

    private Instant awaySince(String id) {
        return jdbc.queryForObject("select presenter_away_since from presenter_sessions where id = ?",
                Timestamp.class, UUID.fromString(id)) instanceof Timestamp at ? at.toInstant() : null;
    }

    private static String live(String presentation) {
        return "/api/v1/presentations/" + presentation + "/live";
    }

    private String rendered(Account owner, String visibility, int slides) throws Exception {
        MediaTools.require("ffmpeg");
        String[] pages = new String[slides];
        for (int i = 0; i < slides; i++) {
            pages[i] = "Slide " + (i + 1) + " " + LibraryFixtures.uniqueWord(6);
        }
        HttpResponse<String> upload = api.send(Multipart.upload(api, "/api/v1/uploads", owner.accessToken(),
                "deck.pdf", "application/octet-stream", Pdfs.withText(pages)));
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);
        HttpResponse<String> created = api.postJson("/api/v1/presentations", "{\"uploadId\":\""
                + Api.json(upload).path("id").asString() + "\",\"visibility\":\"" + visibility + "\"}",
                owner.accessToken());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = Api.json(created).path("id").asString();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> Api.json(
                new Api(port).get("/api/v1/presentations/" + id, owner.accessToken())).path("processing")
                .path("state").asString().equals("ready"));
        return id;
    }
}
