package dev.encore.live.premiere;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.jobrunr.jobs.states.StateName;
import org.jobrunr.storage.StorageProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;

import dev.encore.library.LibraryFixtures;
import dev.encore.support.Api;
import dev.encore.support.IntegrationTest;
import dev.encore.support.ProblemAssert;
import dev.encore.support.StompTestClient;
import dev.encore.support.TestAccounts.Account;

/**
 * Premieres with real ready videos and real STOMP clients: the rules of scheduling, the states at
 * their times (scheduled → live → ended, broadcast on time), the live position a late joiner gets,
 * the viewer count and its peak, rescheduling and cancelling.
 */
class PremieresIT extends IntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    static Path media;

    private LibraryFixtures fixtures;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private PremiereJobs jobs;
    @Autowired
    private StorageProvider jobStore;

    @BeforeEach
    void fixtures() throws Exception {
        fixtures = LibraryFixtures.of(api, media);
    }

    @Test
    void refusesSchedulesThatBreakTheRules() throws Exception {
        Account owner = users.user();
        Account stranger = users.user();
        String video = readyVideo(owner, "public");
        Instant soon = now().plusSeconds(600);

        ProblemAssert.assertInvalidField(schedule(owner, "{\"startsAt\":\"" + soon + "\"}"), "videoId");
        ProblemAssert.assertInvalidField(schedule(owner, body(video, now().minusSeconds(5), null)), "startsAt");
        ProblemAssert.assertInvalidField(schedule(owner, "{\"videoId\":\"" + video + "\"}"), "startsAt");
        ProblemAssert.assertInvalidField(schedule(owner, body(video, now().plus(Duration.ofDays(366)), null)),
                "startsAt");
        // the video lasts 2 s: an end one second after the start is too early
        ProblemAssert.assertInvalidField(schedule(owner, body(video, soon, soon.plusSeconds(1))), "endsAt");
        ProblemAssert.assertInvalidField(schedule(owner, "{\"videoId\":\"" + video + "\",\"startsAt\":\"" + soon
                + "\",\"title\":\"" + "t".repeat(256) + "\"}"), "title");
        ProblemAssert.assertProblem(schedule(stranger, body(video, soon, null)), 403, "forbidden");
        ProblemAssert.assertProblem(schedule(stranger, body(readyVideo(owner, "private"), soon, null)), 404,
                "not-found");
        ProblemAssert.assertProblem(schedule(owner, "{\"videoId\":\"" + video + "\",\"startsAt\":\"tomorrow\"}"), 400,
                "malformed-request");

        JsonNode fresh = fixtures.video(owner, "visibility", "public");
        api.send("DELETE", "/api/v1/videos/" + fresh.path("id").asString() + "/processing", owner.accessToken(), null);
        ProblemAssert.assertProblem(schedule(owner, body(fresh.path("id").asString(), soon, null)), 409,
                "video-not-ready");

        HttpResponse<String> first = schedule(owner, body(video, soon, null));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        ProblemAssert.assertProblem(schedule(owner, body(video, soon.plusSeconds(60), null)), 409, "conflict");
        // a request that is wrong in itself is told so first, whatever the video's premieres or owner
        ProblemAssert.assertInvalidField(schedule(owner, "{\"videoId\":\"" + video + "\"}"), "startsAt");
        ProblemAssert.assertInvalidField(schedule(stranger, body(video, now().minusSeconds(5), null)), "startsAt");
    }

    @Test
    void goesLiveAndEndsAtItsTimesAndTellsItsViewers() throws Exception {
        Account owner = users.user();
        Account viewer = users.user();
        String video = readyVideo(owner, "public");
        Instant startsAt = now().plusSeconds(3);
        JsonNode premiere = created(owner, body(video, startsAt, null));
        String id = premiere.path("id").asString();
        assertThat(premiere.path("state").asString()).isEqualTo("scheduled");
        assertThat(premiere.path("startsInMs").asLong()).isBetween(1000L, 3000L);
        long durationMs = premiere.path("video").path("durationMs").asLong();
        assertThat(Instant.parse(premiere.path("endsAt").asString())).isEqualTo(startsAt.plusMillis(durationMs));

        String topic = "/topic/live/premiere/" + id;
        try (StompTestClient follower = StompTestClient.connect(port, viewer.accessToken()).follow(topic)) {
            JsonNode snapshot = follower.awaitType("/user/queue/live", "snapshot", WAIT);
            assertThat(snapshot.path("data").path("state").asString()).isEqualTo("scheduled");
            assertThat(snapshot.path("data").path("video").path("hlsUrl").asString()).contains("/hls/master.m3u8");

            JsonNode live = awaitLiveOnTime(follower, topic, startsAt, WAIT);
            JsonNode playback = live.path("data").path("playback");
            assertThat(playback.path("playing").asBoolean()).isTrue();
            assertThat(playback.path("positionMs").asLong()).isZero();
            assertThat(Instant.parse(playback.path("atServerTime").asString())).isEqualTo(startsAt);

            JsonNode ended = follower.awaitType(topic, "state", WAIT);
            assertThat(ended.path("data").path("state").asString()).isEqualTo("ended");
            assertThat(ended.path("serverTime").asLong() - startsAt.plusMillis(durationMs).toEpochMilli()).as("on time")
                    .isBetween(0L, 500L);
        }
        JsonNode after = Api.json(api.get("/api/v1/premieres/" + id, viewer.accessToken()));
        assertThat(after.path("state").asString()).isEqualTo("ended");
        assertThat(after.path("peakViewers").asInt()).isEqualTo(1);
        assertThat(api.get("/api/v1/videos/" + video, viewer.accessToken()).statusCode()).as("an ordinary video again")
                .isEqualTo(200);
    }

    @Test
    void aStartFurtherAheadThanTheLeadGoesThroughItsJobAndIsOnTime() throws Exception {
        Account owner = users.user();
        String video = readyVideo(owner, "public");
        // more than PremiereSchedule.LEAD ahead: a JobRunr job, picked up by a poll, hands the start to the timer
        Instant startsAt = now().plus(PremiereSchedule.LEAD).plusSeconds(3);
        String id = created(owner, body(video, startsAt, startsAt.plusSeconds(60))).path("id").asString();
        String topic = "/topic/live/premiere/" + id;
        try (StompTestClient follower = StompTestClient.connect(port, owner.accessToken()).follow(topic)) {
            awaitLiveOnTime(follower, topic, startsAt, PremiereSchedule.LEAD.plusSeconds(10));
        }
    }

    @Test
    void aLateJoinerGetsTheLivePositionAndViewersAreCounted() throws Exception {
        Account owner = users.user();
        Account early = users.user();
        Account late = users.user();
        String video = readyVideo(owner, "unlisted");
        Instant startsAt = now().plusSeconds(2);
        String id = created(owner, body(video, startsAt, startsAt.plusSeconds(60))).path("id").asString();
        String topic = "/topic/live/premiere/" + id;
        try (StompTestClient first = StompTestClient.connect(port, early.accessToken()).follow(topic)) {
            first.awaitType(topic, "state", WAIT);
            Thread.sleep(1500);
            try (StompTestClient second = StompTestClient.connect(port, late.accessToken()).follow(topic)) {
                JsonNode snapshot = second.awaitType("/user/queue/live", "snapshot", WAIT);
                JsonNode data = snapshot.path("data");
                assertThat(data.path("state").asString()).isEqualTo("live");
                long expected = snapshot.path("serverTime").asLong() - startsAt.toEpochMilli();
                assertThat(data.path("positionMs").asLong()).as("the live position").isBetween(expected - 200,
                        expected + 50);
                assertThat(data.path("playback").path("playing").asBoolean()).isTrue();
                assertThat(Instant.parse(data.path("playback").path("atServerTime").asString())).isEqualTo(startsAt);

                JsonNode both = await().atMost(WAIT).until(() -> premiere(owner, id),
                        premiere -> premiere.path("viewerCount").asInt() == 2);
                assertThat(both.path("peakViewers").asInt()).isEqualTo(2);
            }
            JsonNode one = await().atMost(WAIT).until(() -> premiere(owner, id),
                    premiere -> premiere.path("viewerCount").asInt() == 1);
            assertThat(one.path("peakViewers").asInt()).as("the peak stays").isEqualTo(2);
        }
        // unlisted: reachable by id, not listed to others
        assertThat(api.get("/api/v1/premieres/" + id, late.accessToken()).statusCode()).isEqualTo(200);
        assertThat(Api.json(api.get("/api/v1/premieres?size=100", late.accessToken())).path("items").valueStream()
                .noneMatch(item -> item.path("id").asString().equals(id))).isTrue();
    }

    @Test
    void aChangeReschedulesAndACancelTellsTheViewers() throws Exception {
        Account owner = users.user();
        Account viewer = users.user();
        Account stranger = users.user();
        String video = readyVideo(owner, "public");
        String id = created(owner, body(video, now().plusSeconds(3), null)).path("id").asString();
        String topic = "/topic/live/premiere/" + id;

        Instant later = now().plusSeconds(3600);
        ProblemAssert.assertProblem(api.send("PATCH", "/api/v1/premieres/" + id, stranger.accessToken(),
                "{\"startsAt\":\"" + later + "\"}"), 403, "forbidden");
        ProblemAssert.assertInvalidField(api.send("PATCH", "/api/v1/premieres/" + id, owner.accessToken(),
                "{\"startsAt\":\"" + now().minusSeconds(1) + "\"}"), "startsAt");
        HttpResponse<String> moved = api.send("PATCH", "/api/v1/premieres/" + id, owner.accessToken(),
                "{\"startsAt\":\"" + later + "\",\"title\":\"Moved\"}");
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        assertThat(Api.json(moved).path("title").asString()).isEqualTo("Moved");

        JsonNode listed = Api.json(api.get("/api/v1/premieres?size=100", viewer.accessToken()));
        JsonNode item = listed.path("items").valueStream().filter(each -> each.path("id").asString().equals(id))
                .findFirst().orElseThrow();
        assertThat(item.path("startsAt").asString()).isEqualTo(later.toString());
        assertThat(item.path("serverTime").isMissingNode()).isFalse();

        try (StompTestClient follower = StompTestClient.connect(port, viewer.accessToken()).follow(topic)) {
            follower.awaitType("/user/queue/live", "snapshot", WAIT);
            follower.none(topic, "state", Duration.ofSeconds(4)); // the old start time passes quietly
            assertThat(premiere(owner, id).path("state").asString()).isEqualTo("scheduled");

            ProblemAssert.assertProblem(api.send("DELETE", "/api/v1/premieres/" + id, stranger.accessToken(), null),
                    403, "forbidden");
            assertThat(api.send("DELETE", "/api/v1/premieres/" + id, owner.accessToken(), null).statusCode())
                    .isEqualTo(204);
            JsonNode cancelled = follower.awaitType(topic, "state", WAIT);
            assertThat(cancelled.path("data").path("state").asString()).isEqualTo("cancelled");
        }
        ProblemAssert.assertProblem(api.get("/api/v1/premieres/" + id, owner.accessToken()), 404, "not-found");
        assertThat(api.get("/api/v1/videos/" + video, owner.accessToken()).statusCode()).isEqualTo(200);
    }

    @Test
    void aChangeOfTitleKeepsTheStartAndTheCancelThenWorks() throws Exception {
        Account owner = users.user();
        String video = readyVideo(owner, "public");
        Instant startsAt = now().plusSeconds(3600);
        JsonNode premiere = created(owner, body(video, startsAt, null));
        String id = premiere.path("id").asString();
        Instant endsAt = Instant.parse(premiere.path("endsAt").asString());

        HttpResponse<String> renamed = change(owner, id, "{\"title\":\"New title\"}");
        assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);
        assertThat(Api.json(renamed).path("title").asString()).isEqualTo("New title");
        assertThat(job(id, PremiereState.LIVE, startsAt)).as("the start keeps its job").isEqualTo(StateName.SCHEDULED);
        assertThat(job(id, PremiereState.ENDED, endsAt)).as("the end keeps its job").isEqualTo(StateName.SCHEDULED);

        HttpResponse<String> cancelled = api.send("DELETE", "/api/v1/premieres/" + id, owner.accessToken(), null);
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(204);
        assertThat(job(id, PremiereState.LIVE, startsAt)).isEqualTo(StateName.DELETED);
        ProblemAssert.assertProblem(api.get("/api/v1/premieres/" + id, owner.accessToken()), 404, "not-found");
        created(owner, body(video, startsAt, null)); // the video has no premiere ahead any more
    }

    @Test
    void titleAndDescriptionLimitsCountCharactersNotUtf16Units() throws Exception {
        Account owner = users.user();
        String note = "\uD83C\uDFB5"; // one character, two UTF-16 units (which @Size and H2 count)
        String video = readyVideo(owner, "public");
        String scheduled = body(video, now().plusSeconds(3600), null);
        JsonNode premiere = created(owner, scheduled.substring(0, scheduled.length() - 1) + ",\"title\":\""
                + note.repeat(255) + "\",\"description\":\"" + note.repeat(5000) + "\"}");
        JsonNode read = premiere(owner, premiere.path("id").asString());
        assertThat(read.path("title").asString()).isEqualTo(note.repeat(255));
        assertThat(read.path("description").asString()).isEqualTo(note.repeat(5000));
        ProblemAssert.assertInvalidField(change(owner, read.path("id").asString(), "{\"title\":\"" + note.repeat(256)
                + "\"}"), "title");
        ProblemAssert.assertInvalidField(change(owner, read.path("id").asString(), "{\"description\":\""
                + note.repeat(5001) + "\"}"), "description");
    }

    @Test
    void changesThatLeaveTheTimesKeepTheJobsAndAMoveThereAndBackPlansThemAgain() throws Exception {
        Account owner = users.user();
        String video = readyVideo(owner, "public");
        Instant startsAt = now().plusSeconds(3600);
        JsonNode premiere = created(owner, body(video, startsAt, null));
        String id = premiere.path("id").asString();
        Instant endsAt = Instant.parse(premiere.path("endsAt").asString());

        for (String change : List.of("{\"description\":\"First\"}", "{\"description\":\"Second\"}",
                "{\"startsAt\":null}", "{\"startsAt\":null,\"endsAt\":null,\"title\":null}",
                "{\"startsAt\":\"" + startsAt + "\"}")) {
            HttpResponse<String> changed = change(owner, id, change);
            assertThat(changed.statusCode()).as(change + ": " + changed.body()).isEqualTo(200);
            assertThat(Instant.parse(Api.json(changed).path("startsAt").asString())).isEqualTo(startsAt);
            assertThat(job(id, PremiereState.LIVE, startsAt)).as(change).isEqualTo(StateName.SCHEDULED);
            assertThat(job(id, PremiereState.ENDED, endsAt)).as(change).isEqualTo(StateName.SCHEDULED);
        }
        assertThat(premiere(owner, id).path("description").asString()).isEqualTo("Second");
        // a refused change leaves the jobs as they are
        ProblemAssert.assertInvalidField(change(owner, id, "{\"startsAt\":\"" + now().minusSeconds(1) + "\"}"),
                "startsAt");
        assertThat(job(id, PremiereState.LIVE, startsAt)).isEqualTo(StateName.SCHEDULED);

        Instant later = startsAt.plusSeconds(600);
        assertThat(change(owner, id, "{\"startsAt\":\"" + later + "\"}").statusCode()).isEqualTo(200);
        assertThat(job(id, PremiereState.LIVE, later)).isEqualTo(StateName.SCHEDULED);
        assertThat(job(id, PremiereState.LIVE, startsAt)).as("the time it left").isEqualTo(StateName.DELETED);
        assertThat(change(owner, id, "{\"startsAt\":\"" + startsAt + "\"}").statusCode()).isEqualTo(200);
        assertThat(job(id, PremiereState.LIVE, startsAt)).as("back at its first time").isEqualTo(StateName.SCHEDULED);
        assertThat(job(id, PremiereState.ENDED, endsAt)).isEqualTo(StateName.SCHEDULED);
        assertThat(job(id, PremiereState.LIVE, later)).isEqualTo(StateName.DELETED);

        assertThat(api.send("DELETE", "/api/v1/premieres/" + id, owner.accessToken(), null).statusCode())
                .isEqualTo(204);
        assertThat(api.send("DELETE", "/api/v1/premieres/" + id, owner.accessToken(), null).statusCode())
                .isEqualTo(404);
        created(owner, body(video, startsAt, null));
    }

    @Test
    void aPremiereRenamedBeforeItsStartStillGoesLiveOnTime() throws Exception {
        Account owner = users.user();
        String video = readyVideo(owner, "public");
        // further ahead than the lead: its start goes through the JobRunr job the rename must keep
        Instant startsAt = now().plus(PremiereSchedule.LEAD).plusSeconds(5);
        String id = created(owner, body(video, startsAt, startsAt.plusSeconds(60))).path("id").asString();
        String topic = "/topic/live/premiere/" + id;
        try (StompTestClient follower = StompTestClient.connect(port, owner.accessToken()).follow(topic)) {
            HttpResponse<String> renamed = change(owner, id, "{\"title\":\"Renamed\"}");
            assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);
            assertThat(job(id, PremiereState.LIVE, startsAt)).isEqualTo(StateName.SCHEDULED);
            awaitLiveOnTime(follower, topic, startsAt, PremiereSchedule.LEAD.plusSeconds(15));
        }
        assertThat(premiere(owner, id).path("title").asString()).isEqualTo("Renamed");
    }

    @Test
    void instantsPastTheYear9999AreRefusedAndNothingIsWritten() throws Exception {
        Account owner = users.user();
        String video = readyVideo(owner, "public");
        Instant soon = now().plusSeconds(3600);

        ProblemAssert.assertInvalidField(schedule(owner, "{\"videoId\":\"" + video + "\",\"startsAt\":\"" + soon
                + "\",\"endsAt\":\"+999999999-12-31T23:59:59Z\"}"), "endsAt");
        // within the years a request may bring, but a chat open for ever
        ProblemAssert.assertInvalidField(schedule(owner, "{\"videoId\":\"" + video + "\",\"startsAt\":\"" + soon
                + "\",\"endsAt\":\"9999-12-31T23:59:59.999999999Z\"}"), "endsAt");
        ProblemAssert.assertInvalidField(schedule(owner, body(video, soon, soon.plus(Duration.ofHours(25)))), "endsAt");
        ProblemAssert.assertInvalidField(schedule(owner, "{\"videoId\":\"" + video + "\",\"startsAt\":\""
                + "-999999999-01-01T00:00:00Z\"}"), "startsAt");
        ProblemAssert.assertInvalidField(schedule(owner, "{\"videoId\":\"" + video + "\",\"startsAt\":\""
                + "+10000-01-01T00:00:00Z\"}"), "startsAt");
        assertThat(Api.json(api.get("/api/v1/premieres/mine", owner.accessToken())).path("items").size())
                .as("nothing scheduled").isZero();

        JsonNode premiere = created(owner, body(video, soon, null));
        String id = premiere.path("id").asString();
        for (String far : List.of("+999999999-12-31T23:59:59Z", "+300000000-01-01T00:00:00Z",
                "+10000-01-01T00:00:00Z")) {
            ProblemAssert.assertInvalidField(change(owner, id, "{\"endsAt\":\"" + far + "\",\"title\":\"Far\"}"),
                    "endsAt");
        }
        ProblemAssert.assertInvalidField(change(owner, id, "{\"startsAt\":\"-999999999-01-01T00:00:00Z\"}"),
                "startsAt");
        JsonNode unchanged = premiere(owner, id);
        assertThat(unchanged.path("endsAt").asString()).isEqualTo(premiere.path("endsAt").asString());
        assertThat(unchanged.path("title").asString()).isEqualTo(premiere.path("title").asString());
        assertThat(job(id, PremiereState.LIVE, soon)).isEqualTo(StateName.SCHEDULED);
        ProblemAssert.assertInvalidField(api.get("/api/v1/premieres/" + id + "/chat?before=%2B999999999-12-31T23:59:59Z",
                owner.accessToken()), "before");
        ProblemAssert.assertInvalidField(api.get("/api/v1/premieres/" + id + "/chat?before=-999999999-01-01T00:00:00Z",
                owner.accessToken()), "before");

        // the last instant allowed (a day after the video ends) is kept, and planned
        Instant last = Instant.parse(premiere.path("endsAt").asString()).plus(Duration.ofHours(24));
        HttpResponse<String> longest = change(owner, id, "{\"endsAt\":\"" + last + "\"}");
        assertThat(longest.statusCode()).as(longest.body()).isEqualTo(200);
        assertThat(Instant.parse(premiere(owner, id).path("endsAt").asString())).isEqualTo(last);
        assertThat(job(id, PremiereState.ENDED, last)).isEqualTo(StateName.SCHEDULED);
        assertThat(api.send("DELETE", "/api/v1/premieres/" + id, owner.accessToken(), null).statusCode())
                .isEqualTo(204);
    }

    @Test
    void aPrivateVideosPremiereIsHiddenFromOthers() throws Exception {
        Account owner = users.user();
        Account stranger = users.user();
        String video = readyVideo(owner, "private");
        String id = created(owner, body(video, now().plusSeconds(600), null)).path("id").asString();

        ProblemAssert.assertProblem(api.get("/api/v1/premieres/" + id, stranger.accessToken()), 404, "not-found");
        assertThat(Api.json(api.get("/api/v1/premieres/mine", owner.accessToken())).path("items").get(0)
                .path("id").asString()).isEqualTo(id);
        try (StompTestClient follower = StompTestClient.connect(port, stranger.accessToken())) {
            follower.subscribe("/topic/live/premiere/" + id);
            JsonNode refused = follower.awaitType("/user/queue/errors", "live-forbidden", WAIT);
            assertThat(refused.path("destination").asString()).isEqualTo("/topic/live/premiere/" + id);
        }

        // the video's deletion cancels its premiere
        try (StompTestClient follower = StompTestClient.connect(port, owner.accessToken())) {
            follower.subscribe("/topic/live/premiere/" + id);
            follower.awaitType("/user/queue/live", "snapshot", WAIT);
            assertThat(api.send("DELETE", "/api/v1/videos/" + video, owner.accessToken(), null).statusCode())
                    .isEqualTo(204);
            assertThat(follower.awaitType("/topic/live/premiere/" + id, "state", WAIT).path("data").path("state")
                    .asString()).isEqualTo("cancelled");
        }
        ProblemAssert.assertProblem(api.get("/api/v1/premieres/" + id, owner.accessToken()), 404, "not-found");
        assertThat(Api.json(api.get("/api/v1/premieres/mine", owner.accessToken())).path("items").size()).isZero();
    }

    @Test
    void aViewerWhoMayNoLongerSeeTheVideoStopsReceivingItsPremiere() throws Exception {
        Account owner = users.user();
        Account viewer = users.user();
        String video = readyVideo(owner, "public");
        String id = created(owner, body(video, now().plusSeconds(3600), null)).path("id").asString();
        String topic = "/topic/live/premiere/" + id;
        try (StompTestClient owning = StompTestClient.connect(port, owner.accessToken()).follow(topic);
                StompTestClient watching = StompTestClient.connect(port, viewer.accessToken()).follow(topic)) {
            owning.awaitType("/user/queue/live", "snapshot", WAIT);
            watching.awaitType("/user/queue/live", "snapshot", WAIT);
            HttpResponse<String> hidden = api.send("PATCH", "/api/v1/videos/" + video, owner.accessToken(),
                    "{\"visibility\":\"private\"}");
            assertThat(hidden.statusCode()).as(hidden.body()).isEqualTo(200);
            ProblemAssert.assertProblem(api.get("/api/v1/premieres/" + id, viewer.accessToken()), 404, "not-found");
            JsonNode ended = watching.awaitType("/user/queue/errors", "live-access-ended", WAIT);
            assertThat(ended.path("destination").asString()).isEqualTo(topic);
            assertThat(owning.await(topic, message -> message.path("type").asString().equals("presence")
                    && message.path("data").path("count").asInt() == 1, WAIT)).as("the viewer is gone").isNotNull();

            assertThat(api.send("DELETE", "/api/v1/premieres/" + id, owner.accessToken(), null).statusCode())
                    .isEqualTo(204);
            assertThat(owning.awaitType(topic, "state", WAIT).path("data").path("state").asString())
                    .isEqualTo("cancelled");
            watching.none(topic, "state", Duration.ofSeconds(1));
        }
    }

    /** Now, to the millisecond (what premieres keep). */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    @Test
    void aPremiereWhoseStartPassedWhileNoNodeRanCatchesUpAtTheNextStart() throws Exception {
        Account owner = users.user();
        Account viewer = users.user();
        String video = readyVideo(owner, "public");
        String id = created(owner, body(video, now().plusSeconds(3600), null)).path("id").asString();
        String topic = "/topic/live/premiere/" + id;
        // as if every node was down when it was due: its start passed, its state still says scheduled
        Instant startedAt = now().minusSeconds(1);
        jdbc.update("update premieres set starts_at = ?, ends_at = ? where id = ?", Timestamp.from(startedAt),
                Timestamp.from(startedAt.plusSeconds(60)), UUID.fromString(id));
        try (StompTestClient follower = StompTestClient.connect(port, viewer.accessToken()).follow(topic)) {
            follower.awaitType("/user/queue/live", "snapshot", WAIT);
            jobs.resume(); // what every node does when it starts
            JsonNode live = follower.awaitType(topic, "state", WAIT);
            assertThat(live.path("data").path("state").asString()).isEqualTo("live");
            assertThat(Instant.parse(live.path("data").path("playback").path("atServerTime").asString()))
                    .isEqualTo(startedAt);
        }
        assertThat(jdbc.queryForObject("select state from premieres where id = ?", String.class, UUID.fromString(id)))
                .isEqualTo("LIVE");
    }

    private String readyVideo(Account owner, String visibility) throws Exception {
        String id = fixtures.video(owner, "visibility", visibility).path("id").asString();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(300)).until(() -> Api.json(
                new Api(port).get("/api/v1/videos/" + id, owner.accessToken())).path("processing").path("state")
                .asString().equals("ready"));
        return id;
    }

    private JsonNode premiere(Account account, String id) {
        HttpResponse<String> response = new Api(port).get("/api/v1/premieres/" + id, account.accessToken());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Api.json(response);
    }

    private HttpResponse<String> change(Account owner, String id, String json) {
        return api.send("PATCH", "/api/v1/premieres/" + id, owner.accessToken(), json);
    }

    /** The state of a premiere's JobRunr job for {@code step} at {@code at}. */
    private StateName job(String premiere, PremiereState step, Instant at) {
        return jobStore.getJobById(PremiereSchedule.jobId(UUID.fromString(premiere), step, at.toEpochMilli()))
                .getState();
    }

    private HttpResponse<String> schedule(Account owner, String json) {
        return api.postJson("/api/v1/premieres", json, owner.accessToken());
    }

    private JsonNode created(Account owner, String json) {
        HttpResponse<String> response = schedule(owner, json);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return Api.json(response);
    }

    private static String body(String video, Instant startsAt, Instant endsAt) {
        return "{\"videoId\":\"" + video + "\",\"startsAt\":\"" + startsAt + "\""
                + (endsAt != null ? ",\"endsAt\":\"" + endsAt + "\"" : "") + "}";
    }

    /** The {@code state} message {@code live} on {@code topic}, within {@code within}, sent on time. */
    private static JsonNode awaitLiveOnTime(StompTestClient follower, String topic, Instant startsAt, Duration within)
            throws InterruptedException {
        JsonNode live = follower.awaitType(topic, "state", within);
        assertThat(live.path("data").path("state").asString()).isEqualTo("live");
        assertThat(live.path("serverTime").asLong() - startsAt.toEpochMilli()).as("sent on time").isBetween(0L, 500L);
        return live;
    }
}
