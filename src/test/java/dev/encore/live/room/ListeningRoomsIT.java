package dev.encore.live.room;

import static dev.encore.support.ProblemAssert.assertInvalidField;
import static dev.encore.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;

import dev.encore.library.LibraryFixtures;
import dev.encore.support.Api;
import dev.encore.support.IntegrationTest;
import dev.encore.support.TestAccounts.Account;

/**
 * Listening rooms as clients use them: REST for the room's life, real STOMP clients for the host's
 * commands and what every member receives, signed stream URLs lent to members.
 */
class ListeningRoomsIT extends IntegrationTest {

    @TempDir
    static Path media;

    @Autowired
    private JdbcTemplate jdbc;

    private LibraryFixtures library;

    @BeforeEach
    void fixtures() throws Exception {
        library = LibraryFixtures.of(api, media, 10);
    }

    @Test
    void roomRulesAreCheckedFieldByField() {
        Account host = users.user();
        assertInvalidField(create(host, "{\"name\":\"\"}"), "name");
        assertInvalidField(create(host, "{\"name\":\"   \"}"), "name");
        assertInvalidField(create(host, "{}"), "name");
        assertInvalidField(create(host, "{\"name\":\"" + "x".repeat(101) + "\"}"), "name");
        assertInvalidField(create(host, "{\"name\":\"" + "\uD83C\uDFB5".repeat(101) + "\"}"), "name");
        String notes = "\uD83C\uDFB5".repeat(100); // 100 characters, 200 UTF-16 units (H2 counts units)
        assertThat(created(host, "{\"name\":\"" + notes + "\"}").path("name").asString()).isEqualTo(notes);
        assertInvalidField(create(host, "{\"name\":\"Low\",\"maxListeners\":1}"), "maxListeners");
        assertInvalidField(create(host, "{\"name\":\"High\",\"maxListeners\":101}"), "maxListeners");
        JsonNode both = assertProblem(create(host, "{\"name\":\"\",\"maxListeners\":0}"), 400, "validation-failed");
        assertThat(both.path("errors").valueStream().map(error -> error.path("field").asString()))
                .containsExactly("name", "maxListeners");
        assertProblem(create(host, "{\"name\":\"Typed\",\"maxListeners\":\"many\"}"), 400, "malformed-request");
        // neither is silently made true or 2 any more
        assertProblem(create(host, "{\"name\":\"Typed\",\"isPublic\":1}"), 400, "malformed-request");
        assertProblem(create(host, "{\"name\":\"Typed\",\"maxListeners\":2.5}"), 400, "malformed-request");

        HttpResponse<String> created = create(host, "{\"name\":\"  " + "y".repeat(100) + "  \"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode room = Api.json(created);
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/rooms/" + room.path("id").asString());
        assertThat(room.path("name").asString()).isEqualTo("y".repeat(100));
        assertThat(room.path("isPublic").asBoolean()).isTrue();
        assertThat(room.path("maxListeners").asInt()).isEqualTo(10);
        assertThat(room.path("hostId").asString()).isEqualTo(host.id());
        assertThat(room.path("hostName").asString()).isEqualTo(host.username());
        assertThat(room.path("hostDisplayName").asString()).as("no display name: the username").isEqualTo(host.username());
        assertThat(room.path("members").get(0).path("displayName").asString()).isEqualTo(host.username());
        assertThat(room.path("memberCount").asInt()).isEqualTo(1);
        assertThat(room.path("inviteUrl").asString()).endsWith("/rooms/join/" + room.path("inviteCode").asString());
        assertThat(room.path("state").path("playing").asBoolean()).isFalse();
        assertThat(room.hasNonNull("current")).isFalse();

        String id = room.path("id").asString();
        assertThat(api.send("PATCH", "/api/v1/me", host.accessToken(), "{\"displayName\":\"DJ Host\"}").statusCode())
                .isEqualTo(200);
        JsonNode renamed = Api.json(api.get("/api/v1/rooms/" + id, host.accessToken()));
        assertThat(renamed.path("hostName").asString()).isEqualTo(host.username());
        assertThat(renamed.path("hostDisplayName").asString()).isEqualTo("DJ Host");
        assertThat(renamed.path("members").get(0).path("username").asString()).isEqualTo(host.username());
        assertThat(renamed.path("members").get(0).path("displayName").asString()).isEqualTo("DJ Host");
        assertInvalidField(api.send("PATCH", "/api/v1/rooms/" + id, host.accessToken(), "{\"maxListeners\":101}"),
                "maxListeners");
        assertProblem(api.send("PATCH", "/api/v1/rooms/" + id, users.user().accessToken(), "{\"name\":\"Mine\"}"),
                403, "forbidden");
    }

    @Test
    void aFullRoomRefusesTheNextListenerAndPrivateRoomsNeedTheirCode() {
        Account host = users.user();
        JsonNode room = created(host, "{\"name\":\"Pair\",\"maxListeners\":2}");
        String id = room.path("id").asString();
        Account first = users.user();
        assertThat(join(first, id).statusCode()).isEqualTo(200);
        assertThat(join(first, id).statusCode()).as("joining again is no second seat").isEqualTo(200);
        assertProblem(join(users.user(), id), 409, "room-full");
        assertThat(api.send("DELETE", "/api/v1/rooms/" + id + "/members/me", first.accessToken(), null).statusCode())
                .isEqualTo(204);
        assertThat(join(users.user(), id).statusCode()).as("a seat freed by leaving").isEqualTo(200);

        JsonNode secret = created(host, "{\"name\":\"Secret\",\"isPublic\":false,\"maxListeners\":3}");
        String secretId = secret.path("id").asString();
        Account guest = users.user();
        assertProblem(api.get("/api/v1/rooms/" + secretId, guest.accessToken()), 404, "not-found");
        assertProblem(join(guest, secretId), 404, "not-found");
        assertThat(Api.json(api.get("/api/v1/rooms?size=100", guest.accessToken())).path("items").valueStream()
                .map(item -> item.path("id").asString())).contains(id).doesNotContain(secretId);

        HttpResponse<String> joined = joinByCode(guest, secret.path("inviteCode").asString());
        assertThat(joined.statusCode()).as(joined.body()).isEqualTo(200);
        assertThat(Api.json(joined).hasNonNull("inviteCode")).as("the invite is the host's").isFalse();
        assertThat(Api.json(api.get("/api/v1/rooms/mine", guest.accessToken())).path("items").valueStream()
                .map(item -> item.path("id").asString())).containsExactly(secretId);

        JsonNode rotated = Api.json(api.postJson("/api/v1/rooms/" + secretId + "/invite", "", host.accessToken()));
        assertThat(rotated.path("inviteCode").asString()).isNotEqualTo(secret.path("inviteCode").asString());
        assertProblem(joinByCode(users.user(), secret.path("inviteCode").asString()), 404, "not-found");
        assertProblem(api.postJson("/api/v1/rooms/" + secretId + "/invite", "", guest.accessToken()), 403, "forbidden");
        assertThat(joinByCode(users.user(), rotated.path("inviteCode").asString()).statusCode()).isEqualTo(200);
        assertProblem(joinByCode(users.user(), rotated.path("inviteCode").asString()), 409, "room-full");
        assertInvalidField(api.postJson("/api/v1/rooms/join", "{}", guest.accessToken()), "inviteCode");
    }

    @Test
    void eightListenersJoiningAtOnceGetExactlyTheFreeSeats() throws Exception {
        Account host = users.user();
        String id = created(host, "{\"name\":\"Rush\",\"maxListeners\":3}").path("id").asString();
        List<Account> listeners = new ArrayList<>();
        for (int n = 0; n < 8; n++) {
            listeners.add(users.user());
        }
        CyclicBarrier start = new CyclicBarrier(listeners.size());
        List<Callable<HttpResponse<String>>> joins = new ArrayList<>();
        for (Account listener : listeners) {
            joins.add(() -> {
                api.get("/api/v1/rooms/" + id, listener.accessToken()); // a connection of its own, ready
                start.await();
                return join(listener, id);
            });
        }
        List<Integer> statuses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(joins.size())) {
            for (Future<HttpResponse<String>> answer : pool.invokeAll(joins)) {
                HttpResponse<String> response = answer.get();
                statuses.add(response.statusCode());
                if (response.statusCode() != 200) {
                    assertProblem(response, 409, "room-full");
                }
            }
        }
        assertThat(statuses).as("joins of one room take turns (the room row locked), on any node")
                .containsExactlyInAnyOrder(200, 200, 409, 409, 409, 409, 409, 409);
        assertThat(Api.json(api.get("/api/v1/rooms/" + id, host.accessToken())).path("memberCount").asInt())
                .isEqualTo(3);
    }

    @Test
    void publicRoomsAreFoundByNameInAnyCaseAndMembersListTheirOwn() {
        Account host = users.user();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String later = created(host, "{\"name\":\"b " + tag + " Jazz\"}").path("id").asString();
        String earlier = created(host, "{\"name\":\"A " + tag.toUpperCase(java.util.Locale.ROOT) + " jazz\"}")
                .path("id").asString();
        String hidden = created(host, "{\"name\":\"c " + tag + " jazz\",\"isPublic\":false}").path("id")
                .asString();
        Account guest = users.user();
        JsonNode found = Api.json(api.get("/api/v1/rooms?q=" + tag + "%20JAZZ&sort=name", guest.accessToken()));
        assertThat(found.path("items").valueStream().map(item -> item.path("id").asString()))
                .as("public ones only, by name").containsExactly(earlier, later);
        JsonNode newest = Api.json(api.get("/api/v1/rooms?q=" + tag + "&size=1", guest.accessToken()));
        assertThat(newest.path("items").get(0).path("id").asString()).as("newest first").isEqualTo(earlier);
        assertThat(newest.path("totalItems").asLong()).isEqualTo(2);

        assertThat(Api.json(api.get("/api/v1/rooms/mine", guest.accessToken())).path("items").size()).isZero();
        assertThat(api.send("DELETE", "/api/v1/rooms/" + later + "/members/me", host.accessToken(), null)
                .statusCode()).isEqualTo(204);
        assertThat(Api.json(api.get("/api/v1/rooms/mine?sort=createdAt,asc", host.accessToken())).path("items")
                .valueStream().map(item -> item.path("id").asString())).as("not the one the host left")
                .containsExactly(earlier, hidden);
    }

    @Test
    void onlyTheHostCommandsAndABadCommandChangesNothing() throws Exception {
        Account host = users.user();
        Account member = users.user();
        JsonNode track = library.track(host, "title", "Loud", "artist", "Host", "visibility", "private");
        String id = created(host, "{\"name\":\"Commands\"}").path("id").asString();
        join(member, id);
        try (RoomClient hosting = RoomClient.join(port, host.accessToken(), id);
                RoomClient listening = RoomClient.join(port, member.accessToken(), id)) {
            hosting.send(id, "queue/add", "{\"trackId\":\"" + track.path("id").asString() + "\"}");
            JsonNode loaded = listening.next("state").path("data");
            assertThat(listening.next("queue").path("data").path("queue").size()).as("the track left the queue")
                    .isZero();
            assertThat(loaded.path("current").path("title").asString()).isEqualTo("Loud");
            assertThat(loaded.path("current").hasNonNull("streamUrl")).as("no one's URL in a broadcast").isFalse();

            hosting.send(id, "play", "{\"positionMs\":1000}");
            JsonNode playing = listening.next("state", data -> data.path("state").path("playing").asBoolean());
            assertThat(playing.path("data").path("state").path("positionMs").asLong()).isEqualTo(1000);
            assertThat(playing.path("serverTime").asLong()).isPositive();

            listening.send(id, "pause", "{}");
            listening.send(id, "seek", "{\"positionMs\":5}");
            listening.send(id, "next", "");
            for (int i = 0; i < 3; i++) {
                assertThat(listening.error().path("type").asString()).isEqualTo("live-not-host");
            }
            hosting.send(id, "seek", "{\"positionMs\":\"later\"}");
            assertThat(hosting.error().path("type").asString()).isEqualTo("live-bad-payload");
            hosting.send(id, "seek", "{\"positionMs\":999999}");
            assertThat(hosting.error().path("detail").asString()).contains("positionMs");
            hosting.send(id, "seek", "{}");
            assertThat(hosting.error().path("type").asString()).isEqualTo("live-bad-payload");

            JsonNode state = Api.json(api.get("/api/v1/rooms/" + id, member.accessToken())).path("state");
            assertThat(state.path("playing").asBoolean()).as("refused commands change nothing").isTrue();
            assertThat(state.path("positionMs").asLong()).isEqualTo(1000);
            assertThat(listening.topic.stream().map(message -> message.path("type").asString()))
                    .as("nothing was broadcast for them").doesNotContain("state", "queue");

            Account stranger = users.user();
            try (RoomClient outsider = connectOnly(stranger)) {
                outsider.send(id, "pause", "{}");
                assertThat(outsider.error().path("type").asString()).isEqualTo("live-forbidden");
            }
        }
    }

    @Test
    void aTrackThatPlayedToItsEndStopsThereThroughPauseHandOverAndPlay() throws Exception {
        Account host = users.user();
        String id = created(host, "{\"name\":\"The end\"}").path("id").asString();
        Account member = users.user(); // the next host, who may play the track too: it is public
        join(member, id);
        String track = library.track(host, "title", "Short", "visibility", "public").path("id").asString();
        try (RoomClient hosting = RoomClient.join(port, host.accessToken(), id);
                RoomClient listening = RoomClient.join(port, member.accessToken(), id)) {
            hosting.send(id, "queue/add", "{\"trackId\":\"" + track + "\"}");
            long duration = listening.next("state").path("data").path("current").path("durationMs").asLong();
            hosting.send(id, "play", "{\"positionMs\":" + (duration - 200) + "}");
            listening.next("state", data -> data.path("state").path("playing").asBoolean());
            Thread.sleep(700);

            JsonNode ended = Api.json(api.get("/api/v1/rooms/" + id, member.accessToken())).path("state");
            assertThat(ended.path("playing").asBoolean()).as(ended.toString()).isFalse();
            assertThat(ended.path("positionMs").asLong()).as("at its end, not past it").isEqualTo(duration);
            assertThat(ended.path("atServerTimeMs").asLong()).as("anchored when it ended")
                    .isLessThan(ended.path("serverTime").asLong() - 300);
            hosting.send(id, "pause", "{}");
            JsonNode paused = listening.next("state").path("data").path("state");
            assertThat(paused.path("positionMs").asLong()).as(paused.toString()).isEqualTo(duration);
            assertThat(paused.path("playing").asBoolean()).isFalse();

            assertThat(api.postJson("/api/v1/rooms/" + id + "/host", "{\"userId\":\"" + member.id() + "\"}",
                    host.accessToken()).statusCode()).isEqualTo(200);
            listening.send(id, "seek", "{\"positionMs\":" + duration + "}");
            assertThat(listening.next("state").path("data").path("state").path("positionMs").asLong())
                    .isEqualTo(duration);
            listening.send(id, "play", "{\"positionMs\":" + duration + "}");
            JsonNode atTheEnd = listening.next("state").path("data").path("state");
            assertThat(atTheEnd.path("playing").asBoolean()).as("nothing left to play").isFalse();
            assertThat(atTheEnd.path("positionMs").asLong()).isEqualTo(duration);
            listening.send(id, "play", "{}");
            JsonNode again = listening.next("state").path("data").path("state");
            assertThat(again.path("playing").asBoolean()).as("play after the end starts it again").isTrue();
            assertThat(again.path("positionMs").asLong()).isZero();
        }
    }

    @Test
    void theHostHandsOverAndALeavingHostIsFollowedByTheLongestPresentMember() throws Exception {
        Account host = users.user();
        Account early = users.user();
        Account present = users.user();
        String id = created(host, "{\"name\":\"Succession\"}").path("id").asString();
        join(early, id); // joined first, but connects last
        join(present, id);
        assertInvalidField(api.postJson("/api/v1/rooms/" + id + "/host", "{\"userId\":\"" + users.user().id() + "\"}",
                host.accessToken()), "userId");
        assertProblem(api.postJson("/api/v1/rooms/" + id + "/host", "{\"userId\":\"" + early.id() + "\"}",
                early.accessToken()), 403, "forbidden");
        try (RoomClient hosting = RoomClient.join(port, host.accessToken(), id);
                RoomClient longest = RoomClient.join(port, present.accessToken(), id)) {
            Thread.sleep(50);
            try (RoomClient latest = RoomClient.join(port, early.accessToken(), id)) {
                HttpResponse<String> handed = api.postJson("/api/v1/rooms/" + id + "/host",
                        "{\"userId\":\"" + early.id() + "\"}", host.accessToken());
                assertThat(handed.statusCode()).as(handed.body()).isEqualTo(200);
                assertThat(latest.next("host").path("data").path("hostId").asString()).isEqualTo(early.id());
                hosting.send(id, "pause", "{}");
                assertThat(hosting.error().path("type").asString()).isEqualTo("live-not-host");
                assertThat(api.postJson("/api/v1/rooms/" + id + "/host", "{\"userId\":\"" + host.id() + "\"}",
                        early.accessToken()).statusCode()).isEqualTo(200);
                longest.next("host", data -> data.path("hostId").asString().equals(host.id()));

                assertThat(api.send("DELETE", "/api/v1/rooms/" + id + "/members/me", host.accessToken(), null)
                        .statusCode()).isEqualTo(204);
                JsonNode next = latest.next("host", data -> !data.path("hostId").asString().equals(host.id()));
                assertThat(next.path("data").path("hostId").asString()).as("present longest, though not joined "
                        + "first").isEqualTo(present.id());
                assertThat(next.path("data").path("hostName").asString()).isEqualTo(present.username());
                assertThat(Api.json(api.get("/api/v1/rooms/" + id, early.accessToken())).path("hostId").asString())
                        .isEqualTo(present.id());
                hosting.send(id, "play", "{}");
                assertThat(hosting.refusal().path("type").asString()).as("a former member").isEqualTo("live-forbidden");
            }
        }
    }

    @Test
    void aMemberWhoLeavesStopsReceivingTheRoomAndLeavesItsPresence() throws Exception {
        Account host = users.user();
        Account member = users.user();
        JsonNode secret = created(host, "{\"name\":\"Leavers\",\"isPublic\":false}");
        String id = secret.path("id").asString();
        assertThat(joinByCode(member, secret.path("inviteCode").asString()).statusCode()).isEqualTo(200);
        try (RoomClient hosting = RoomClient.join(port, host.accessToken(), id);
                RoomClient leaving = RoomClient.join(port, member.accessToken(), id)) {
            hosting.next("presence", data -> data.path("count").asInt() == 2);
            assertThat(api.send("DELETE", "/api/v1/rooms/" + id + "/members/me", member.accessToken(), null)
                    .statusCode()).isEqualTo(204);
            HttpResponse<String> invite = api.postJson("/api/v1/rooms/" + id + "/invite", "", host.accessToken());
            assertThat(invite.statusCode()).isEqualTo(200);
            assertProblem(api.get("/api/v1/rooms/" + id, member.accessToken()), 404, "not-found");

            // access is checked again on its own: the subscription ends, and the ex-member is told why
            JsonNode ended = leaving.error();
            assertThat(ended.path("type").asString()).isEqualTo("live-access-ended");
            assertThat(ended.path("destination").asString()).isEqualTo("/topic/live/room/" + id);
            assertThat(hosting.next("presence", data -> data.path("count").asInt() == 1).path("data")
                    .path("members").get(0).path("userId").asString()).isEqualTo(host.id());

            leaving.topic.clear();
            hosting.send(id, "chat", "{\"text\":\"after you left\"}");
            hosting.next("chat", data -> data.path("text").asString().equals("after you left"));
            assertThat(leaving.topic.poll(1, TimeUnit.SECONDS)).as("nothing reaches an ex-member").isNull();

            // a member again, the same connection subscribes again: the ended subscription is not held
            assertThat(joinByCode(member, Api.json(invite).path("inviteCode").asString()).statusCode()).isEqualTo(200);
            leaving.live.clear();
            leaving.resubscribe(id);
            assertThat(leaving.next("presence", data -> data.path("count").asInt() == 2)).isNotNull();
            assertThat(leaving.errors.poll(500, TimeUnit.MILLISECONDS)).as("not refused as already subscribed")
                    .isNull();
        }
    }

    @Test
    void membersStreamWhatTheRoomPlaysOnlyWhileTheyAreMembers() throws Exception {
        Account host = users.user();
        Account member = users.user();
        JsonNode track = library.track(host, "title", "Lent", "artist", "Host", "visibility", "private");
        JsonNode queued = library.track(host, "title", "Next", "artist", "Host", "visibility", "private");
        String id = created(host, "{\"name\":\"Grants\"}").path("id").asString();
        join(member, id);
        try (RoomClient hosting = RoomClient.join(port, host.accessToken(), id)) {
            hosting.send(id, "queue/add", "{\"trackId\":\"" + track.path("id").asString() + "\"}");
            hosting.next("state", data -> data.hasNonNull("current"));
            hosting.send(id, "queue/add", "{\"trackId\":\"" + queued.path("id").asString() + "\"}");
            hosting.next("queue", data -> data.path("queue").size() == 1);
        }
        assertProblem(api.get("/api/v1/tracks/" + track.path("id").asString(), member.accessToken()), 404, "not-found");
        JsonNode room = Api.json(api.get("/api/v1/rooms/" + id, member.accessToken()));
        String current = path(room.path("current").path("streamUrl").asString());
        String next = path(room.path("queue").get(0).path("streamUrl").asString());
        assertThat(anonymous(current, "bytes=0-99").statusCode()).isEqualTo(206);
        assertThat(anonymous(next, null).statusCode()).isEqualTo(200);
        assertThat(Api.json(api.get("/api/v1/plays", member.accessToken())).path("totalItems").asLong())
                .as("a private track the room lends is not in the member's plays").isZero();

        assertThat(api.send("DELETE", "/api/v1/rooms/" + id + "/members/me", member.accessToken(), null).statusCode())
                .isEqualTo(204);
        assertProblem(anonymousText(current), 403, "link-invalid");
        assertProblem(anonymousText(next), 403, "link-invalid");
        assertThat(Api.json(api.get("/api/v1/rooms/" + id, host.accessToken())).path("current").path("streamUrl")
                .asString()).as("the owner plays it anyway").isNotEmpty();
    }

    @Test
    void aTrackItsOwnerMakesPrivateIsNoLongerShownOrLentButTheHostsOwnPrivateOnesAre() throws Exception {
        Account owner = users.user();
        Account host = users.user();
        Account member = users.user();
        String playing = library.track(owner, "title", "Shared", "artist", "Owner", "visibility", "public").path("id")
                .asString();
        String queued = library.track(owner, "title", "Also", "artist", "Owner", "visibility", "public").path("id")
                .asString();
        String suggested = library.track(owner, "title", "Idea", "artist", "Owner", "visibility", "public")
                .path("id").asString();
        String own = library.track(host, "title", "Mine", "artist", "Host", "visibility", "private").path("id")
                .asString();
        String id = created(host, "{\"name\":\"Revoked\"}").path("id").asString();
        join(member, id);
        try (RoomClient hosting = RoomClient.join(port, host.accessToken(), id);
                RoomClient listening = RoomClient.join(port, member.accessToken(), id)) {
            hosting.send(id, "queue/add", "{\"trackId\":\"" + playing + "\"}");
            hosting.next("state", data -> data.path("current").path("trackId").asString().equals(playing));
            hosting.send(id, "queue/add", "{\"trackId\":\"" + queued + "\"}");
            hosting.send(id, "queue/add", "{\"trackId\":\"" + own + "\"}");
            hosting.next("queue", data -> data.path("queue").size() == 2);
            listening.send(id, "suggest", "{\"trackId\":\"" + suggested + "\"}");
            hosting.next("suggestions", data -> data.path("suggestions").size() == 1);

            JsonNode before = Api.json(api.get("/api/v1/rooms/" + id, member.accessToken()));
            String memberStream = path(before.path("current").path("streamUrl").asString());
            String queuedStream = path(before.path("queue").get(0).path("streamUrl").asString());
            String hostStream = path(Api.json(api.get("/api/v1/rooms/" + id, host.accessToken())).path("current")
                    .path("streamUrl").asString());
            assertThat(anonymous(memberStream, "bytes=0-9").statusCode()).isEqualTo(206);
            assertThat(anonymous(queuedStream, "bytes=0-9").statusCode()).isEqualTo(206);

            for (String track : List.of(playing, queued, suggested)) {
                HttpResponse<String> hidden = api.send("PATCH", "/api/v1/tracks/" + track, owner.accessToken(),
                        "{\"visibility\":\"private\"}");
                assertThat(hidden.statusCode()).as(hidden.body()).isEqualTo(200);
            }
            for (Account account : List.of(host, member)) {
                assertProblem(api.get("/api/v1/tracks/" + playing, account.accessToken()), 404, "not-found");
                JsonNode room = Api.json(api.get("/api/v1/rooms/" + id, account.accessToken()));
                assertThat(room.has("current")).as("another owner's track made private is not the room's to show")
                        .isFalse();
                assertThat(room.path("state").path("itemId").asString()).isEqualTo(playing);
                assertThat(room.path("queue").valueStream().map(entry -> entry.path("trackId").asString()))
                        .containsExactly(own);
                assertThat(room.path("queue").get(0).path("streamUrl").asString())
                        .as("the host's own private track is still lent").isNotEmpty();
                assertThat(room.path("suggestions").size()).isZero();
                assertThat(room.toString()).doesNotContain("Shared", "Also", "Idea");
            }
            assertProblem(anonymousText(memberStream), 404, "not-found");
            assertProblem(anonymousText(hostStream), 404, "not-found");
            assertProblem(anonymousText(queuedStream), 404, "not-found");

            hosting.send(id, "next", "");
            JsonNode next = listening.next("state", data -> data.path("current").path("trackId").asString()
                    .equals(own));
            assertThat(next.path("data").path("current").path("title").asString()).isEqualTo("Mine");
            assertThat(jdbc.queryForObject("select count(*) from room_queue where room_id = ?", Integer.class,
                    UUID.fromString(id))).as("the unplayable entry was skipped, not left ahead").isZero();
            String mine = path(Api.json(api.get("/api/v1/rooms/" + id, member.accessToken())).path("current")
                    .path("streamUrl").asString());
            assertThat(anonymous(mine, "bytes=0-9").statusCode()).isEqualTo(206);

            assertThat(api.send("PATCH", "/api/v1/tracks/" + suggested, owner.accessToken(),
                    "{\"visibility\":\"public\"}").statusCode()).isEqualTo(200);
            assertThat(Api.json(api.get("/api/v1/rooms/" + id, member.accessToken())).path("suggestions")
                    .valueStream().map(entry -> entry.path("title").asString())).as("public again, shown again")
                    .containsExactly("Idea");
        }
    }

    @Test
    void aLoadedTrackTheHostMayNoLongerPlayIsMovedOnFromOrUnloadedNeverPlayed() throws Exception {
        Account host = users.user();
        Account member = users.user();
        String first = library.track(host, "title", "First", "artist", "Host").path("id").asString();
        String second = library.track(host, "title", "Second", "artist", "Host").path("id").asString();
        String id = created(host, "{\"name\":\"Deleted tracks\"}").path("id").asString();
        join(member, id);
        try (RoomClient hosting = RoomClient.join(port, host.accessToken(), id);
                RoomClient listening = RoomClient.join(port, member.accessToken(), id)) {
            hosting.send(id, "queue/add", "{\"trackId\":\"" + first + "\"}");
            hosting.send(id, "queue/add", "{\"trackId\":\"" + second + "\"}");
            hosting.next("queue", data -> data.path("queue").size() == 1);
            hosting.send(id, "play", "{\"positionMs\":1000}");
            listening.next("state", data -> data.path("state").path("playing").asBoolean());

            // play moves on from a deleted track, like next: the queue's next track, from its start
            assertThat(api.send("DELETE", "/api/v1/tracks/" + first, host.accessToken(), null).statusCode())
                    .isEqualTo(204);
            hosting.send(id, "play", "{\"positionMs\":2000}");
            JsonNode movedOn = listening.next("state").path("data");
            assertThat(movedOn.path("state").path("itemId").asString()).isEqualTo(second);
            assertThat(movedOn.path("state").path("playing").asBoolean()).isTrue();
            assertThat(movedOn.path("state").path("positionMs").asLong()).isZero();
            assertThat(movedOn.path("current").path("title").asString()).isEqualTo("Second");

            // seek (or pause) on a deleted track unloads it: nothing plays, and nothing is left to seek in
            assertThat(api.send("DELETE", "/api/v1/tracks/" + second, host.accessToken(), null).statusCode())
                    .isEqualTo(204);
            hosting.send(id, "seek", "{\"positionMs\":1000}");
            JsonNode unloaded = listening.next("state").path("data");
            assertThat(unloaded.path("state").hasNonNull("itemId")).as(unloaded.toString()).isFalse();
            assertThat(unloaded.path("state").path("playing").asBoolean()).isFalse();
            assertThat(unloaded.has("current")).isFalse();
            hosting.send(id, "seek", "{\"positionMs\":1000}");
            assertThat(hosting.error().path("type").asString()).isEqualTo("live-bad-payload");
            hosting.send(id, "play", "{}");
            assertThat(hosting.error().path("detail").asString()).contains("queue is empty");
            assertThat(listening.topic.stream().filter(message -> "state".equals(message.path("type").asString())))
                    .as("nothing more was broadcast").isEmpty();
            JsonNode state = Api.json(api.get("/api/v1/rooms/" + id, member.accessToken())).path("state");
            assertThat(state.hasNonNull("itemId")).isFalse();
            assertThat(state.path("playing").asBoolean()).isFalse();
        }
    }

    @Test
    void aHostWhoTakesOverARoomDoesNotPlayOnTheTrackOfTheDeletedHost() throws Exception {
        Account host = users.user();
        Account member = users.user();
        String track = library.track(host, "title", "Private", "artist", "Host", "visibility", "private").path("id")
                .asString();
        String id = created(host, "{\"name\":\"Inherited\"}").path("id").asString();
        join(member, id);
        try (RoomClient hosting = RoomClient.join(port, host.accessToken(), id);
                RoomClient listening = RoomClient.join(port, member.accessToken(), id)) {
            hosting.send(id, "queue/add", "{\"trackId\":\"" + track + "\"}");
            hosting.send(id, "play", "{}");
            listening.next("state", data -> data.path("state").path("playing").asBoolean());
        }
        assertThat(api.send("DELETE", "/api/v1/me", host.accessToken(), "{\"password\":\"" + host.password() + "\"}")
                .statusCode()).isEqualTo(204);
        assertThat(hostedBy(id, member).path("hostId").asString()).isEqualTo(member.id());
        try (RoomClient hosting = RoomClient.join(port, member.accessToken(), id)) {
            hosting.send(id, "pause", "{\"positionMs\":1000}");
            JsonNode unloaded = hosting.next("state").path("data");
            assertThat(unloaded.path("state").hasNonNull("itemId")).as(unloaded.toString()).isFalse();
            assertThat(unloaded.path("state").path("playing").asBoolean()).isFalse();
            hosting.send(id, "play", "{}");
            assertThat(hosting.error().path("detail").asString()).contains("queue is empty");
        }
    }

    @Test
    void membersSuggestAndTheHostQueuesMovesAndAccepts() throws Exception {
        Account host = users.user();
        Account member = users.user();
        assertThat(api.send("PATCH", "/api/v1/me", member.accessToken(), "{\"displayName\":\"Member Name\"}")
                .statusCode()).isEqualTo(200);
        String one = library.track(host, "title", "One", "artist", "Host").path("id").asString();
        String two = library.track(host, "title", "Two", "artist", "Host").path("id").asString();
        String three = library.track(host, "title", "Three", "artist", "Host").path("id").asString();
        String hidden = library.track(users.user(), "title", "Hidden", "artist", "Else", "visibility", "private")
                .path("id").asString();
        String idea = library.track(member, "title", "Idea", "artist", "Member", "visibility", "public").path("id")
                .asString();
        String secret = library.track(member, "title", "Secret", "artist", "Member", "visibility", "private")
                .path("id").asString();
        HttpResponse<String> playlist = api.postJson("/api/v1/playlists", "{\"name\":\"Set\"}", host.accessToken());
        String playlistId = Api.json(playlist).path("id").asString();
        for (String track : List.of(two, three)) {
            api.postJson("/api/v1/playlists/" + playlistId + "/items", "{\"trackId\":\"" + track + "\"}",
                    host.accessToken());
        }
        String id = created(host, "{\"name\":\"Queue\"}").path("id").asString();
        join(member, id);
        try (RoomClient hosting = RoomClient.join(port, host.accessToken(), id);
                RoomClient listening = RoomClient.join(port, member.accessToken(), id)) {
            hosting.send(id, "queue/add", "{\"trackId\":\"" + one + "\"}");
            listening.next("state", data -> data.path("current").path("trackId").asString().equals(one));
            hosting.send(id, "queue/add", "{\"playlistId\":\"" + playlistId + "\"}");
            JsonNode queue = listening.next("queue", data -> data.path("queue").size() == 2).path("data").path("queue");
            assertThat(titles(queue)).containsExactly("Two", "Three");
            hosting.send(id, "queue/add", "{\"trackId\":\"" + hidden + "\"}");
            assertThat(hosting.error().path("type").asString()).as("only what the host may play")
                    .isEqualTo("live-bad-payload");
            hosting.send(id, "queue/add", "{\"trackId\":\"" + one + "\",\"playlistId\":\"" + playlistId + "\"}");
            assertThat(hosting.error().path("type").asString()).isEqualTo("live-bad-payload");

            hosting.send(id, "queue/move", "{\"entryId\":\"" + queue.get(1).path("id").asString() + "\",\"index\":0}");
            assertThat(titles(listening.next("queue").path("data").path("queue"))).containsExactly("Three", "Two");
            hosting.send(id, "queue/move", "{\"entryId\":\"" + queue.get(1).path("id").asString() + "\",\"index\":7}");
            assertThat(hosting.error().path("type").asString()).isEqualTo("live-bad-payload");

            listening.send(id, "suggest", "{\"trackId\":\"" + secret + "\"}");
            listening.send(id, "suggest", "{\"trackId\":\"" + hidden + "\"}");
            assertThat(listening.error().path("type").asString()).isEqualTo("live-bad-payload");
            JsonNode suggested = listening.next("suggestions", data -> data.path("suggestions").size() == 1);
            assertThat(suggested.path("data").path("suggestions").get(0).path("displayName").asString())
                    .isEqualTo("Member Name");
            String secretSuggestion = suggested.path("data").path("suggestions").get(0).path("id").asString();
            hosting.send(id, "suggestion/accept", "{\"suggestionId\":\"" + secretSuggestion + "\"}");
            assertThat(hosting.error().path("detail").asString()).as("the host may not play the member's private track")
                    .contains("No such track");
            hosting.send(id, "suggestion/reject", "{\"suggestionId\":\"" + secretSuggestion + "\"}");
            listening.next("suggestions", data -> data.path("suggestions").isEmpty());

            listening.send(id, "suggest", "{\"trackId\":\"" + idea + "\"}");
            String ideaSuggestion = listening.next("suggestions", data -> data.path("suggestions").size() == 1)
                    .path("data").path("suggestions").get(0).path("id").asString();
            listening.send(id, "suggestion/accept", "{\"suggestionId\":\"" + ideaSuggestion + "\"}");
            assertThat(listening.error().path("type").asString()).isEqualTo("live-not-host");
            hosting.send(id, "suggestion/accept", "{\"suggestionId\":\"" + ideaSuggestion + "\"}");
            JsonNode accepted = listening.next("queue", data -> data.path("queue").size() == 3).path("data");
            assertThat(titles(accepted.path("queue"))).containsExactly("Three", "Two", "Idea");
            assertThat(accepted.path("queue").get(2).path("addedBy").asString()).isEqualTo(member.id());

            hosting.send(id, "queue/remove", "{\"entryId\":\"" + accepted.path("queue").get(1).path("id").asString()
                    + "\"}");
            assertThat(titles(listening.next("queue").path("data").path("queue"))).containsExactly("Three", "Idea");
            hosting.send(id, "next", "");
            JsonNode advanced = listening.next("state", data -> data.path("current").path("title").asString()
                    .equals("Three"));
            assertThat(advanced.path("data").path("state").path("positionMs").asLong()).isZero();
            assertThat(titles(listening.next("queue").path("data").path("queue"))).containsExactly("Idea");
        }
    }

    @Test
    void theRoomsStateIsKeptInTheDatabase() throws Exception {
        Account host = users.user();
        String track = library.track(host, "title", "Kept", "artist", "Host").path("id").asString();
        String id = created(host, "{\"name\":\"Durable\"}").path("id").asString();
        try (RoomClient hosting = RoomClient.join(port, host.accessToken(), id)) {
            hosting.send(id, "queue/add", "{\"trackId\":\"" + track + "\"}");
            hosting.next("state", data -> data.hasNonNull("current"));
            hosting.send(id, "queue/add", "{\"trackId\":\"" + track + "\"}");
            hosting.next("queue", data -> data.path("queue").size() == 1);
            hosting.send(id, "seek", "{\"positionMs\":4321}");
            hosting.next("state", data -> data.path("state").path("positionMs").asLong() == 4321);
        }
        Map<String, Object> row = jdbc.queryForMap("select current_track_id, position_ms, playing, host_id "
                + "from rooms where id = ?", UUID.fromString(id));
        assertThat(row.get("current_track_id").toString()).isEqualTo(track);
        assertThat(((Number) row.get("position_ms")).longValue()).isEqualTo(4321);
        assertThat(row.get("playing")).isEqualTo(false);
        assertThat(row.get("host_id").toString()).isEqualTo(host.id());
        assertThat(jdbc.queryForObject("select count(*) from room_queue where room_id = ?", Integer.class,
                UUID.fromString(id))).isEqualTo(1);

        Account admin = users.admin();
        assertProblem(api.send("DELETE", "/api/v1/rooms/" + id, users.user().accessToken(), null), 403, "forbidden");
        try (RoomClient back = RoomClient.join(port, host.accessToken(), id)) {
            JsonNode snapshot = back.live.poll();
            assertThat(snapshot.path("data").path("state").path("positionMs").asLong()).isEqualTo(4321);
            assertThat(snapshot.path("data").path("current").path("streamUrl").asString()).isNotEmpty();
            assertThat(api.send("DELETE", "/api/v1/rooms/" + id, admin.accessToken(), null).statusCode())
                    .isEqualTo(204);
            assertThat(back.next("closed").path("data").path("reason").asString()).isEqualTo("deleted");
        }
        assertThat(jdbc.queryForObject("select count(*) from room_queue where room_id = ?", Integer.class,
                UUID.fromString(id))).isZero();
        assertProblem(api.get("/api/v1/rooms/" + id, host.accessToken()), 404, "not-found");
    }

    @Test
    void aDeletedAccountLeavesItsRoomsAndItsHostingPassesOn() throws Exception {
        Account host = users.user();
        Account member = users.user();
        String id = created(host, "{\"name\":\"Farewell\"}").path("id").asString();
        join(member, id);
        assertThat(api.send("DELETE", "/api/v1/me", host.accessToken(), "{\"password\":\"" + host.password() + "\"}")
                .statusCode()).isEqualTo(204);
        JsonNode room = hostedBy(id, member);
        assertThat(room.path("hostId").asString()).isEqualTo(member.id());
        assertThat(room.path("memberCount").asInt()).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from room_members where user_id = ?", Integer.class,
                UUID.fromString(host.id()))).isZero();
    }

    /** The room as {@code member} sees it once they host it (or after 10 s). */
    private JsonNode hostedBy(String id, Account member) throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        JsonNode room = Api.json(api.get("/api/v1/rooms/" + id, member.accessToken()));
        while (!room.path("hostId").asString().equals(member.id()) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            room = Api.json(api.get("/api/v1/rooms/" + id, member.accessToken()));
        }
        return room;
    }

    private RoomClient connectOnly(Account account) throws Exception {
        String own = created(account, "{\"name\":\"Own\"}").path("id").asString();
        return RoomClient.join(port, account.accessToken(), own);
    }

    private static List<String> titles(JsonNode queue) {
        return queue.valueStream().map(entry -> entry.path("title").asString()).toList();
    }

    private HttpResponse<String> create(Account host, String json) {
        return api.postJson("/api/v1/rooms", json, host.accessToken());
    }

    private JsonNode created(Account host, String json) {
        HttpResponse<String> created = create(host, json);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Api.json(created);
    }

    private HttpResponse<String> join(Account account, String id) {
        return api.postJson("/api/v1/rooms/" + id + "/members", "", account.accessToken());
    }

    private HttpResponse<String> joinByCode(Account account, String code) {
        return api.postJson("/api/v1/rooms/join", "{\"inviteCode\":\"" + code + "\"}", account.accessToken());
    }

    private static String path(String url) {
        return URI.create(url).getRawPath();
    }

    private HttpResponse<byte[]> anonymous(String path, String range) {
        var request = api.request(path).GET();
        if (range != null) {
            request.header("Range", range);
        }
        return api.sendBytes(request);
    }

    private HttpResponse<String> anonymousText(String path) {
        return api.send(api.request(path).GET());
    }
}
