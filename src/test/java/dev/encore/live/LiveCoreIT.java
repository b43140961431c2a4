package dev.encore.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.messaging.MessageDeliveryException;
import org.springframework.test.annotation.DirtiesContext;

import tools.jackson.databind.JsonNode;

import dev.encore.support.Api;
import dev.encore.support.IntegrationTest;
import dev.encore.support.StompTestClient;
import dev.encore.support.TestAccounts.Account;

/** The live core spoken to by real STOMP clients: clock sync, topic guard, errors, frame limits, presence. */
@DirtiesContext // a context of its own: see IntegrationTest
@Import(TestLiveSessions.Configuration.class)
class LiveCoreIT extends IntegrationTest {

    static final String ERRORS = "/user/queue/errors";
    static final String LIVE = "/user/queue/live";

    @Autowired
    TestLiveSessions rooms;

    @Autowired
    LivePresence presence;

    @Test
    void clockSyncAnswersWithServerTimesAroundTheRequest() throws Exception {
        Account user = users.user();
        try (StompTestClient client = StompTestClient.connect(port, user.accessToken())) {
            double before = System.currentTimeMillis();
            JsonNode reading = client.syncClock();
            double after = System.currentTimeMillis();
            double t1 = reading.path("serverReceive").asDouble();
            double t2 = reading.path("serverSend").asDouble();
            assertThat(t1).isBetween(before - 1, after + 1);
            assertThat(t2).isGreaterThanOrEqualTo(t1).isLessThanOrEqualTo(after + 1);
            assertThat(reading.path("resyncMs").asLong()).isEqualTo(30_000);
        }
    }

    @Test
    void aMalformedClockRequestIsAnsweredOnTheErrorQueueAndTheConnectionGoesOn() throws Exception {
        Account user = users.user();
        try (StompTestClient client = StompTestClient.connect(port, user.accessToken())) {
            client.send("/app/time", "{\"clientTime\": \"soon\"");
            JsonNode error = client.await(ERRORS, json -> true);
            assertThat(error.path("type").asString()).isEqualTo("live-bad-payload");
            assertThat(error.path("destination").asString()).isEqualTo("/app/time");
            client.send("/app/time", "{}");
            assertThat(client.await(ERRORS, json -> true).path("type").asString()).isEqualTo("live-bad-payload");
            assertThat(client.syncClock().path("serverSend").asDouble()).isPositive();
            assertThat(client.connected()).isTrue();
        }
    }

    @Test
    void theTopicGuardKeepsNonMembersOutAndTheirConnectionOpen() throws Exception {
        Account host = users.user();
        Account stranger = users.user();
        UUID room = rooms.open(host.id());
        try (StompTestClient hostClient = StompTestClient.connect(port, host.accessToken());
                StompTestClient strangerClient = StompTestClient.connect(port, stranger.accessToken())) {
            BlockingQueue<JsonNode> overheard = strangerClient.subscribe("/topic/live/room/" + room);
            JsonNode error = strangerClient.await(ERRORS, json -> true);
            assertThat(error.path("type").asString()).isEqualTo("live-forbidden");
            assertThat(error.path("destination").asString()).isEqualTo("/topic/live/room/" + room);

            // topics no guard knows are closed, whatever their name
            strangerClient.subscribe("/topic/anything");
            assertThat(strangerClient.await(ERRORS, json -> true).path("type").asString()).isEqualTo("live-forbidden");
            strangerClient.subscribe("/queue/live-user" + "0");
            assertThat(strangerClient.await(ERRORS, json -> true).path("type").asString())
                    .isEqualTo("live-unknown-destination");

            hostClient.subscribe("/topic/live/room/" + room);
            hostClient.awaitType(LIVE, "snapshot");
            hostClient.send("/app/live/room/" + room + "/chat", "{\"text\": \"members only\"}");
            hostClient.await("/topic/live/room/" + room, json -> "chat".equals(json.path("type").asString()));
            assertThat(overheard.poll(300, TimeUnit.MILLISECONDS)).isNull();
            assertThat(strangerClient.syncClock()).isNotNull();
        }
    }

    @Test
    void aRefusedSendReachesOnlyTheConnectionThatSentIt() throws Exception {
        Account user = users.user();
        UUID room = rooms.open(user.id());
        try (StompTestClient first = StompTestClient.connect(port, user.accessToken());
                StompTestClient second = StompTestClient.connect(port, user.accessToken())) {
            BlockingQueue<JsonNode> topic = second.subscribe("/topic/live/room/" + room);
            second.awaitType(LIVE, "snapshot");
            first.send("/app/no/such/thing", "{}");
            JsonNode error = first.await(ERRORS, json -> true);
            assertThat(error.path("type").asString()).isEqualTo("live-unknown-destination");
            assertThat(error.path("destination").asString()).isEqualTo("/app/no/such/thing");

            // a client cannot publish on a session topic or into someone's queue directly
            first.send("/topic/live/room/" + room, "{\"type\": \"state\"}");
            assertThat(first.await(ERRORS, json -> true).path("type").asString()).isEqualTo("live-unknown-destination");
            first.send("/user/" + user.id() + "/queue/live", "{\"type\": \"snapshot\"}");
            assertThat(first.await(ERRORS, json -> true).path("type").asString()).isEqualTo("live-unknown-destination");

            first.send("/app/live/nonsense/" + room + "/chat", "{\"text\": \"hi\"}");
            assertThat(first.await(ERRORS, json -> true).path("type").asString()).isEqualTo("live-unknown-destination");

            assertThat(second.queue(ERRORS).poll(300, TimeUnit.MILLISECONDS)).isNull();
            assertThat(topic.stream().filter(json -> !"presence".equals(json.path("type").asString()))).isEmpty();
            assertThat(first.syncClock()).isNotNull();
        }
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aSessionIdThatIsNotAUuidIsAnUnknownDestinationNotAServerError(CapturedOutput output) throws Exception {
        Account user = users.user();
        try (StompTestClient client = StompTestClient.connect(port, user.accessToken())) {
            for (String destination : List.of("/app/live/room/not-a-uuid/play", "/app/live/room/xyz/queue/add",
                    "/app/live/presentation/xyz/pointer", "/app/live/presentation/xyz/slide",
                    "/app/live/premiere/xyz/chat")) {
                client.send(destination, "{}");
                JsonNode error = client.await(ERRORS, json -> true);
                assertThat(error.path("type").asString()).as(destination).isEqualTo("live-unknown-destination");
                assertThat(error.path("destination").asString()).isEqualTo(destination);
            }
            assertThat(client.connected()).isTrue();
        }
        assertThat(output.getAll()).as("a client's mistake, not the server's").doesNotContain("\"log.level\":\"ERROR\"");
    }

    @Test
    void anOversizeFrameClosesOnlyThatConnection() throws Exception {
        Account user = users.user();
        try (StompTestClient bad = StompTestClient.connect(port, user.accessToken());
                StompTestClient good = StompTestClient.connect(port, user.accessToken())) {
            try {
                bad.send("/app/time", "{\"clientTime\": 1, \"padding\": \"" + "x".repeat(100 * 1024) + "\"}");
            }
            catch (MessageDeliveryException closedWhileSending) {
                // the server may close the connection before the client has written the whole frame
            }
            assertThat(bad.lost()).succeedsWithin(10, TimeUnit.SECONDS);
            assertThat(good.syncClock()).isNotNull();
            // a frame just under the limit is fine
            good.send("/app/time", "{\"clientTime\": 1, \"padding\": \"" + "x".repeat(15 * 1024) + "\"}");
            good.await("/user/queue/time", json -> json.path("clientTime").asDouble() == 1);
            assertThat(good.connected()).isTrue();
        }
        try (StompTestClient again = StompTestClient.connect(port, user.accessToken())) {
            assertThat(again.syncClock()).isNotNull();
        }
    }

    @Test
    void presenceCountsUsersOnceAndGivesJoinersASnapshot() throws Exception {
        Account host = users.user();
        Account guest = users.user();
        assertThat(api.send("PATCH", "/api/v1/me", guest.accessToken(), "{\"displayName\":\"Guest Name\"}").statusCode())
                .isEqualTo(200);
        UUID room = rooms.open(host.id(), guest.id());
        String topic = "/topic/live/room/" + room;
        try (StompTestClient hostClient = StompTestClient.connect(port, host.accessToken())) {
            hostClient.subscribe(topic);
            JsonNode snapshot = hostClient.awaitType(LIVE, "snapshot");
            assertThat(snapshot.path("kind").asString()).isEqualTo("room");
            assertThat(snapshot.path("id").asString()).isEqualTo(room.toString());
            assertThat(snapshot.path("serverTime").asLong()).isPositive();
            assertThat(snapshot.path("data").path("hostId").asString()).isEqualTo(host.id());
            assertThat(snapshot.path("data").path("forUser").asString()).isEqualTo(host.id());
            assertThat(snapshot.path("presence").path("count").asInt()).isEqualTo(1);

            try (StompTestClient guestClient = StompTestClient.connect(port, guest.accessToken());
                    StompTestClient guestAgain = StompTestClient.connect(port, guest.accessToken())) {
                guestClient.subscribe(topic);
                guestAgain.subscribe(topic);
                JsonNode joined = guestClient.awaitType(LIVE, "snapshot");
                assertThat(joined.path("data").path("forUser").asString()).isEqualTo(guest.id());
                JsonNode two = hostClient.await(topic, json -> "presence".equals(json.path("type").asString())
                        && json.path("data").path("count").asInt() == 2);
                List<String> names = two.path("data").path("members").valueStream()
                        .map(member -> member.path("username").asString()).toList();
                assertThat(names).containsExactly(host.username(), guest.username());
                assertThat(two.path("data").path("members").valueStream().map(member -> member.path("displayName")
                        .asString()).toList()).as("the guest's display name; the host has none: the username")
                        .containsExactly(host.username(), "Guest Name");
                assertThat(presence.count(LiveKind.ROOM, room)).isEqualTo(2);
                assertThat(presence.isPresent(LiveKind.ROOM, room, UUID.fromString(guest.id()))).isTrue();
                assertThat(presence.members(LiveKind.ROOM, room).getFirst().userId()).isEqualTo(UUID.fromString(host.id()));
                guestAgain.close();
                Thread.sleep(500);
                assertThat(presence.isPresent(LiveKind.ROOM, room, UUID.fromString(guest.id()))).isTrue();
            }
            hostClient.await(topic, json -> "presence".equals(json.path("type").asString())
                    && json.path("data").path("count").asInt() == 1);
            assertThat(presence.isPresent(LiveKind.ROOM, room, UUID.fromString(guest.id()))).isFalse();
        }
        // one join and one leave per user, however many connections they had
        UUID hostId = UUID.fromString(host.id());
        UUID guestId = UUID.fromString(guest.id());
        Awaitility.await().atMost(5, TimeUnit.SECONDS).until(() -> rooms.events(room).size() >= 4);
        assertThat(rooms.events(room)).containsExactly(new LiveJoined(LiveKind.ROOM, room, hostId),
                new LiveJoined(LiveKind.ROOM, room, guestId), new LiveLeft(LiveKind.ROOM, room, guestId),
                new LiveLeft(LiveKind.ROOM, room, hostId));
        assertThat(presence.count(LiveKind.ROOM, room)).isZero();
    }

    /**
     * A connection that is gone is never present: a SUBSCRIBE followed at once by the end of its
     * connection left the user present for as long as the node ran (the end was heard before the
     * subscription, and the heartbeat kept the row).
     */
    @Test
    void aConnectionEndedRightAfterItsSubscribeLeavesNoPresenceBehind() throws Exception {
        Account host = users.user();
        Account guest = users.user();
        UUID room = rooms.open(host.id(), guest.id());
        for (int i = 0; i < 10; i++) {
            WebSocket closing = connected(guest);
            closing.sendText("SUBSCRIBE\nid:t\ndestination:/topic/live/room/" + room + "\n\n\u0000", true)
                    .get(10, TimeUnit.SECONDS);
            closing.abort();
        }
        Thread.sleep(1000);
        assertThat(presence.isPresent(LiveKind.ROOM, room, UUID.fromString(guest.id())))
                .as("the guest has no connection").isFalse();
    }

    /**
     * A subscription ended right after it was made is not present: an UNSUBSCRIBE read before its
     * SUBSCRIBE was handled left the user present for as long as the connection stayed open. A
     * subscription id used again for the same topic is present until its own UNSUBSCRIBE.
     */
    @Test
    void aSubscriptionEndedRightAfterItWasMadeLeavesNoPresenceBehind() throws Exception {
        Account host = users.user();
        Account guest = users.user();
        UUID room = rooms.open(host.id(), guest.id());
        String subscribe = "SUBSCRIBE\nid:t\ndestination:/topic/live/room/" + room + "\n\n\u0000";
        String unsubscribe = "UNSUBSCRIBE\nid:t\n\n\u0000";
        WebSocket open = connected(guest);
        for (int i = 0; i < 10; i++) { // both frames in one WebSocket message: read before either is handled
            open.sendText(subscribe + unsubscribe, true).get(10, TimeUnit.SECONDS);
        }
        Thread.sleep(1000);
        assertThat(presence.isPresent(LiveKind.ROOM, room, UUID.fromString(guest.id())))
                .as("the guest's connection is open, but holds no subscription to the room").isFalse();

        open.sendText(subscribe + unsubscribe + subscribe, true).get(10, TimeUnit.SECONDS);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(
                () -> presence.isPresent(LiveKind.ROOM, room, UUID.fromString(guest.id())));
        Thread.sleep(500);
        assertThat(presence.isPresent(LiveKind.ROOM, room, UUID.fromString(guest.id())))
                .as("subscribed again with the same id").isTrue();

        open.sendText(unsubscribe, true).get(10, TimeUnit.SECONDS);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(
                () -> !presence.isPresent(LiveKind.ROOM, room, UUID.fromString(guest.id())));
        open.abort();
    }

    /** A raw connection CONNECTed with {@code account}'s token, its CONNECTED frame read. */
    private WebSocket connected(Account account) throws Exception {
        CompletableFuture<String> first = new CompletableFuture<>();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://localhost:" + port + "/ws"), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        first.complete(data.toString());
                        webSocket.request(1);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
        socket.sendText("CONNECT\naccept-version:1.2\nhost:localhost\nAuthorization:Bearer " + account.accessToken()
                + "\n\n\u0000", true).get(10, TimeUnit.SECONDS);
        assertThat(first.get(10, TimeUnit.SECONDS)).startsWith("CONNECTED");
        return socket;
    }

    static HttpResponse<String> history(Api api, String token, UUID room, String query) {
        return api.get("/api/v1/rooms/" + room + "/chat" + query, token);
    }
}
