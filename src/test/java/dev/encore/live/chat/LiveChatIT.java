package dev.encore.live.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

import tools.jackson.databind.JsonNode;

import dev.encore.live.TestLiveSessions;
import dev.encore.support.Api;
import dev.encore.support.IntegrationTest;
import dev.encore.support.StompTestClient;
import dev.encore.support.TestAccounts.Account;

/** Chat in a live session over real STOMP clients: limits, moderation, history, retention. */
@DirtiesContext // a context of its own: see IntegrationTest
@Import(TestLiveSessions.Configuration.class)
class LiveChatIT extends IntegrationTest {

    static final String ERRORS = "/user/queue/errors";

    @Autowired
    TestLiveSessions rooms;

    @Autowired
    ChatHousekeeping housekeeping;

    @Autowired
    JdbcClient jdbc;

    private static String chat(String text) {
        return "{\"text\": \"" + text + "\"}";
    }

    private static JsonNode awaitChat(StompTestClient client, UUID room, String type) throws InterruptedException {
        return client.await("/topic/live/room/" + room, json -> type.equals(json.path("type").asString()));
    }

    private static StompTestClient join(int port, Account account, UUID room) throws Exception {
        StompTestClient client = StompTestClient.connect(port, account.accessToken());
        client.subscribe("/topic/live/room/" + room);
        client.awaitType("/user/queue/live", "snapshot");
        return client;
    }

    @Test
    void membersChatWithinTheLengthLimitAndEveryoneHearsIt() throws Exception {
        Account host = users.user();
        Account guest = users.user();
        assertThat(api.send("PATCH", "/api/v1/me", guest.accessToken(), "{\"displayName\":\"Guest Star\"}").statusCode())
                .isEqualTo(200);
        UUID room = rooms.open(host.id(), guest.id());
        String dest = "/app/live/room/" + room + "/chat";
        try (StompTestClient hostClient = join(port, host, room); StompTestClient guestClient = join(port, guest, room)) {
            hostClient.send(dest, chat("welcome"));
            JsonNode welcome = awaitChat(guestClient, room, "chat").path("data");
            assertThat(welcome.path("displayName").asString()).as("no display name: the username")
                    .isEqualTo(host.username());
            awaitChat(hostClient, room, "chat"); // the host's own copy
            guestClient.send(dest, chat("  hello room  "));
            JsonNode message = awaitChat(hostClient, room, "chat");
            assertThat(message.path("serverTime").asLong()).isPositive();
            assertThat(message.path("data").path("text").asString()).isEqualTo("hello room");
            assertThat(message.path("data").path("userId").asString()).isEqualTo(guest.id());
            assertThat(message.path("data").path("username").asString()).isEqualTo(guest.username());
            assertThat(message.path("data").path("displayName").asString()).isEqualTo("Guest Star");
            assertThat(message.path("data").path("id").asString()).isNotEmpty();

            guestClient.send(dest, chat("é".repeat(500)));
            assertThat(awaitChat(hostClient, room, "chat").path("data").path("text").asString()).hasSize(500);
            guestClient.send(dest, chat("two\\nlines")); // JSON escapes: the text holds a line break
            assertThat(awaitChat(hostClient, room, "chat").path("data").path("text").asString()).isEqualTo("two\nlines");
            for (String bad : List.of(chat("x".repeat(501)), chat("   "), chat("red \\u001b[31m"),
                    chat("see \\u202Egpj.exe"), "{}", "not json", "{\"text\": [\"a\"]}")) {
                guestClient.send(dest, bad);
                assertThat(guestClient.await(ERRORS, json -> true).path("type").asString()).as(bad)
                        .isEqualTo("live-bad-payload");
            }
            JsonNode items = history(api, host.accessToken(), room, "").path("items");
            assertThat(items).hasSize(4);
            assertThat(items.get(3).path("displayName").asString()).isEqualTo(host.username());
            assertThat(api.send("PATCH", "/api/v1/me", guest.accessToken(), "{\"displayName\":\"Guest Renamed\"}")
                    .statusCode()).isEqualTo(200);
            assertThat(history(api, host.accessToken(), room, "").path("items").get(0).path("displayName").asString())
                    .as("the name shown now, not when it was written").isEqualTo("Guest Renamed");
            assertThat(hostClient.queue(ERRORS)).isEmpty();
        }
    }

    @Test
    void strangersCannotChatAndAClosedChatRefuses() throws Exception {
        Account host = users.user();
        Account stranger = users.user();
        UUID room = rooms.open(host.id());
        try (StompTestClient client = StompTestClient.connect(port, stranger.accessToken());
                StompTestClient hostClient = StompTestClient.connect(port, host.accessToken())) {
            client.send("/app/live/room/" + room + "/chat", chat("let me in"));
            assertThat(client.await(ERRORS, json -> true).path("type").asString()).isEqualTo("live-forbidden");
            rooms.closeChat(room);
            hostClient.send("/app/live/room/" + room + "/chat", chat("anyone?"));
            assertThat(hostClient.await(ERRORS, json -> true).path("type").asString()).isEqualTo("live-chat-closed");
        }
        assertThat(history(api, host.accessToken(), room, "").path("items")).isEmpty();
        assertThat(api.get("/api/v1/rooms/" + room + "/chat", stranger.accessToken()).statusCode()).isEqualTo(404);
        assertThat(api.get("/api/v1/rooms/" + UUID.randomUUID() + "/chat", host.accessToken()).statusCode())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/rooms/" + room + "/chat?size=0", host.accessToken()).statusCode()).isEqualTo(400);
        assertThat(api.get("/api/v1/rooms/" + room + "/chat?size=101", host.accessToken()).statusCode()).isEqualTo(400);
        assertThat(api.get("/api/v1/rooms/" + room + "/chat?before=yesterday", host.accessToken()).statusCode())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/rooms/" + room + "/chat", null).statusCode()).isEqualTo(401);
    }

    @Test
    void theChatRateLimitRefusesTheEleventhMessageInTenSeconds() throws Exception {
        Account host = users.user();
        UUID room = rooms.open(host.id());
        try (StompTestClient client = join(port, host, room)) {
            for (int i = 0; i < 10; i++) {
                client.send("/app/live/room/" + room + "/chat", chat("message " + i));
            }
            client.send("/app/live/room/" + room + "/chat", chat("one too many"));
            JsonNode error = client.await(ERRORS, json -> true);
            assertThat(error.path("type").asString()).isEqualTo("live-rate-limited");
            assertThat(error.path("detail").asString()).contains("Wait");
            assertThat(client.syncClock()).isNotNull();
        }
        JsonNode items = history(api, host.accessToken(), room, "?size=100").path("items");
        assertThat(items).hasSize(10);
        assertThat(items.get(0).path("text").asString()).isEqualTo("message 9");
    }

    @Test
    void theHostMutesAndUnmutesAMember() throws Exception {
        Account host = users.user();
        Account guest = users.user();
        UUID room = rooms.open(host.id(), guest.id());
        String base = "/app/live/room/" + room;
        try (StompTestClient hostClient = join(port, host, room); StompTestClient guestClient = join(port, guest, room)) {
            guestClient.send(base + "/mute", "{\"userId\": \"" + host.id() + "\"}");
            assertThat(guestClient.await(ERRORS, json -> true).path("type").asString()).isEqualTo("live-not-moderator");

            hostClient.send(base + "/mute", "{\"userId\": \"" + guest.id() + "\", \"minutes\": 5}");
            JsonNode muted = awaitChat(guestClient, room, "muted");
            assertThat(muted.path("data").path("userId").asString()).isEqualTo(guest.id());
            Instant until = Instant.parse(muted.path("data").path("until").asString());
            assertThat(until).isBetween(Instant.now().plusSeconds(4 * 60), Instant.now().plusSeconds(6 * 60));

            guestClient.send(base + "/chat", chat("can you hear me"));
            assertThat(guestClient.await(ERRORS, json -> true).path("type").asString()).isEqualTo("live-muted");
            hostClient.send(base + "/mute", "{\"userId\": \"" + guest.id() + "\", \"minutes\": 0}");
            assertThat(hostClient.await(ERRORS, json -> true).path("type").asString()).isEqualTo("live-bad-payload");

            hostClient.send(base + "/unmute", "{\"userId\": \"" + guest.id() + "\"}");
            JsonNode unmuted = awaitChat(guestClient, room, "muted");
            assertThat(unmuted.path("data").hasNonNull("until")).isFalse();
            guestClient.send(base + "/chat", chat("back"));
            assertThat(awaitChat(hostClient, room, "chat").path("data").path("text").asString()).isEqualTo("back");
        }
    }

    @Test
    void moderationRefusesUsersWhoAreNotInTheSessionAndBroadcastsNothing() throws Exception {
        Account host = users.user();
        Account stranger = users.user();
        UUID room = rooms.open(host.id());
        String base = "/app/live/room/" + room;
        try (StompTestClient hostClient = join(port, host, room)) {
            for (String nobody : List.of("00000000-0000-0000-0000-000000000000", stranger.id())) {
                hostClient.send(base + "/mute", "{\"userId\": \"" + nobody + "\", \"minutes\": 60}");
                JsonNode refused = hostClient.await(ERRORS, json -> true);
                assertThat(refused.path("type").asString()).as(refused.toString()).isEqualTo("live-not-found");
                hostClient.send(base + "/unmute", "{\"userId\": \"" + nobody + "\"}");
                assertThat(hostClient.await(ERRORS, json -> true).path("type").asString()).isEqualTo("live-not-found");
            }
            hostClient.send(base + "/chat", chat("after"));
            JsonNode next = hostClient.await("/topic/live/room/" + room,
                    json -> List.of("chat", "muted").contains(json.path("type").asString()));
            assertThat(next.path("type").asString()).as("no muted broadcast before it: " + next).isEqualTo("chat");
        }
    }

    @Test
    void theHostOrAnAdminDeletesAMessageAndHistoryLeavesItOut() throws Exception {
        Account host = users.user();
        Account guest = users.user();
        Account admin = users.admin();
        UUID room = rooms.open(host.id(), guest.id());
        String base = "/app/live/room/" + room;
        try (StompTestClient hostClient = join(port, host, room); StompTestClient guestClient = join(port, guest, room);
                StompTestClient adminClient = StompTestClient.connect(port, admin.accessToken())) {
            guestClient.send(base + "/chat", chat("first"));
            String first = awaitChat(hostClient, room, "chat").path("data").path("id").asString();
            guestClient.send(base + "/chat", chat("second"));
            String second = awaitChat(hostClient, room, "chat").path("data").path("id").asString();

            guestClient.send(base + "/chat/delete", "{\"messageId\": \"" + first + "\"}");
            assertThat(guestClient.await(ERRORS, json -> true).path("type").asString()).isEqualTo("live-not-moderator");

            hostClient.send(base + "/chat/delete", "{\"messageId\": \"" + first + "\"}");
            assertThat(awaitChat(guestClient, room, "chat-deleted").path("data").path("id").asString()).isEqualTo(first);
            adminClient.send(base + "/chat/delete", "{\"messageId\": \"" + second + "\"}");
            assertThat(awaitChat(guestClient, room, "chat-deleted").path("data").path("id").asString()).isEqualTo(second);
            hostClient.send(base + "/chat/delete", "{\"messageId\": \"" + second + "\"}");
            assertThat(hostClient.await(ERRORS, json -> true).path("type").asString()).isEqualTo("live-not-found");
        }
        assertThat(history(api, guest.accessToken(), room, "").path("items")).isEmpty();
    }

    @Test
    void historyPagesBackwardsNewestFirst() throws Exception {
        Account host = users.user();
        UUID room = rooms.open(host.id());
        try (StompTestClient client = join(port, host, room)) {
            for (int i = 0; i < 5; i++) {
                client.send("/app/live/room/" + room + "/chat", chat("m" + i));
                awaitChat(client, room, "chat");
            }
        }
        JsonNode page = history(api, host.accessToken(), room, "?size=3");
        assertThat(page.path("items").valueStream().map(item -> item.path("text").asString()))
                .containsExactly("m4", "m3", "m2");
        String before = page.path("nextBefore").asString();
        JsonNode rest = history(api, host.accessToken(), room, "?size=3&before=" + before);
        assertThat(rest.path("items").valueStream().map(item -> item.path("text").asString())).containsExactly("m1", "m0");
        assertThat(rest.hasNonNull("nextBefore")).isFalse();
        // a last page that is exactly full says there is nothing older either
        JsonNode all = history(api, host.accessToken(), room, "?size=5");
        assertThat(all.path("items")).hasSize(5);
        assertThat(all.hasNonNull("nextBefore")).as("nothing older than the 5 messages").isFalse();
        JsonNode two = history(api, host.accessToken(), room, "?size=2&before=" + before);
        assertThat(two.path("items")).hasSize(2);
        assertThat(two.hasNonNull("nextBefore")).as("m1 and m0 are the oldest").isFalse();
    }

    @Test
    void retentionDeletesOldMessagesAndADeletedAccountTakesItsMessages() throws Exception {
        Account host = users.user();
        Account leaving = users.user();
        UUID room = rooms.open(host.id(), leaving.id());
        jdbc.sql("""
                INSERT INTO live_chat_messages (id, kind, session_id, user_id, username, text, sent_at)
                VALUES (?, 'room', ?, ?, ?, 'old news', ?)""")
                .params(UUID.randomUUID(), room, UUID.fromString(host.id()), host.username(),
                        Timestamp.from(Instant.now().minus(Duration.ofDays(31))))
                .update();
        try (StompTestClient client = join(port, leaving, room)) {
            client.send("/app/live/room/" + room + "/chat", chat("bye"));
            awaitChat(client, room, "chat");
        }
        assertThat(history(api, host.accessToken(), room, "").path("items")).hasSize(2);
        assertThat(housekeeping.purgeExpired()).isGreaterThanOrEqualTo(1);
        assertThat(history(api, host.accessToken(), room, "").path("items").valueStream()
                .map(item -> item.path("text").asString())).containsExactly("bye");

        HttpResponse<String> deleted = api.send("DELETE", "/api/v1/me", leaving.accessToken(),
                "{\"password\": \"" + leaving.password() + "\"}");
        assertThat(deleted.statusCode()).isEqualTo(204);
        Awaitility.await().atMost(10, TimeUnit.SECONDS).untilAsserted(() -> assertThat(
                history(api, host.accessToken(), room, "").path("items")).isEmpty());
    }

    static JsonNode history(Api api, String token, UUID room, String query) {
        HttpResponse<String> response = api.get("/api/v1/rooms/" + room + "/chat" + query, token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Api.json(response);
    }
}
