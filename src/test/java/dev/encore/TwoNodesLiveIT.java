package dev.encore;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import tools.jackson.databind.JsonNode;

import dev.encore.library.LibraryFixtures;
import dev.encore.support.Api;
import dev.encore.support.IntegrationTest;
import dev.encore.support.OtherNode;
import dev.encore.support.StompTestClient;
import dev.encore.support.TestAccounts.Account;

/**
 * A listening room served by two nodes on one database and Redis: a host's command taken on one
 * node reaches a listener connected to the other, chat crosses the other way, and the room's state
 * outlives a restart of the node that took the command. Only meaningful in distributed mode.
 */
@EnabledIfSystemProperty(named = "encore.it.services", matches = "true",
        disabledReason = "nodes share live sessions through PostgreSQL and Redis only in the services (distributed) run")
class TwoNodesLiveIT extends IntegrationTest {

    @TempDir
    static Path media;
    @TempDir
    static Path secondDataDir;

    @Autowired
    private Environment firstNode;

    @Test
    void aCommandOnOneNodeReachesTheOtherAndChatComesBack() throws Exception {
        Account host = users.user();
        Account listener = users.user();
        String roomId = roomWithATrack(host, listener);
        try (ConfigurableApplicationContext nodeB = OtherNode.start(firstNode, secondDataDir);
                StompTestClient onA = join(port, host, roomId);
                StompTestClient onB = join(OtherNode.port(nodeB), listener, roomId)) {
            onA.send(command(roomId, "seek"), "{\"positionMs\":21000}");
            JsonNode state = await(onB, roomId, "state", data -> data.path("state").path("positionMs").asLong() == 21000);
            assertThat(state.path("serverTime").asLong()).as("state messages carry the server's time").isPositive();

            onB.send(command(roomId, "chat"), "{\"text\":\"hello from node B\"}");
            JsonNode chat = await(onA, roomId, "chat", data -> data.path("text").asString().equals("hello from node B"));
            assertThat(chat.path("data").path("username").asString()).isEqualTo(listener.username());
            await(onB, roomId, "chat", data -> data.path("text").asString().equals("hello from node B"));
        }
    }

    @Test
    void stateOutlivesARestartOfTheNodeThatTookTheCommand() throws Exception {
        Account host = users.user();
        Account listener = users.user();
        String roomId = roomWithATrack(host, listener);
        try (StompTestClient listenerOnA = join(port, listener, roomId)) {
            try (ConfigurableApplicationContext nodeB = OtherNode.start(firstNode, secondDataDir);
                    StompTestClient hostOnB = join(OtherNode.port(nodeB), host, roomId)) {
                hostOnB.send(command(roomId, "pause"), "{\"positionMs\":33000}");
                await(listenerOnA, roomId, "state", data -> data.path("state").path("positionMs").asLong() == 33000);
            }
            try (ConfigurableApplicationContext restarted = OtherNode.start(firstNode, secondDataDir)) {
                HttpResponse<String> room = new Api(OtherNode.port(restarted)).get("/api/v1/rooms/" + roomId,
                        listener.accessToken());
                assertThat(room.statusCode()).as(room.body()).isEqualTo(200);
                assertPausedAt(Api.json(room).path("state"), 33000);

                try (StompTestClient hostAgain = StompTestClient.connect(OtherNode.port(restarted), host.accessToken())) {
                    hostAgain.subscribe(topic(roomId));
                    JsonNode snapshot = hostAgain.awaitType("/user/queue/live", "snapshot");
                    assertPausedAt(snapshot.path("data").path("state"), 33000);
                    hostAgain.send(command(roomId, "play"), "{\"positionMs\":34000}");
                    JsonNode playing = await(listenerOnA, roomId, "state",
                            data -> data.path("state").path("positionMs").asLong() == 34000);
                    assertThat(playing.path("data").path("state").path("playing").asBoolean()).isTrue();
                }
            }
        }
    }

    private static void assertPausedAt(JsonNode state, long positionMs) {
        assertThat(state.path("positionMs").asLong()).as(state.toString()).isEqualTo(positionMs);
        assertThat(state.path("playing").asBoolean()).as(state.toString()).isFalse();
    }

    /** A public room of {@code host}'s that {@code listener} joined, with a minute-long track of the host's loaded. */
    private String roomWithATrack(Account host, Account listener) throws Exception {
        HttpResponse<String> created = api.postJson("/api/v1/rooms", "{\"name\":\"Across nodes\",\"isPublic\":true}",
                host.accessToken());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String roomId = Api.json(created).path("id").asString();
        HttpResponse<String> joined = api.postJson("/api/v1/rooms/" + roomId + "/members", "{}", listener.accessToken());
        assertThat(joined.statusCode()).as(joined.body()).isEqualTo(200);
        String trackId = LibraryFixtures.of(api, media, 60).track(host).path("id").asString();
        try (StompTestClient socket = join(port, host, roomId)) {
            socket.send(command(roomId, "queue/add"), "{\"trackId\":\"" + trackId + "\"}");
            await(socket, roomId, "state", data -> data.path("state").path("itemId").asString().equals(trackId));
        }
        return roomId;
    }

    /** {@code account} on {@code nodePort}, subscribed to the room once its snapshot arrived. */
    private static StompTestClient join(int nodePort, Account account, String roomId) throws Exception {
        StompTestClient client = StompTestClient.connect(nodePort, account.accessToken());
        client.subscribe(topic(roomId));
        client.awaitType("/user/queue/live", "snapshot");
        return client;
    }

    /** The next broadcast of {@code type} on the room's topic whose {@code data} matches. */
    private static JsonNode await(StompTestClient client, String roomId, String type, Predicate<JsonNode> data)
            throws InterruptedException {
        return client.await(topic(roomId), message -> type.equals(message.path("type").asString())
                && data.test(message.path("data")));
    }

    private static String topic(String roomId) {
        return "/topic/live/room/" + roomId;
    }

    private static String command(String roomId, String name) {
        return "/app/live/room/" + roomId + "/" + name;
    }
}
