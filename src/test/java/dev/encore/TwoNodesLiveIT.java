package dev.encore;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Type;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

import tools.jackson.databind.JsonNode;

import dev.encore.library.LibraryFixtures;
import dev.encore.support.Api;
import dev.encore.support.IntegrationTest;
import dev.encore.support.OtherNode;
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
        WebSocketStompClient stomp = new WebSocketStompClient(new StandardWebSocketClient());
        try (ConfigurableApplicationContext nodeB = OtherNode.start(firstNode, secondDataDir)) {
            LiveSocket onA = LiveSocket.connect(stomp, port, host, roomId);
            LiveSocket onB = LiveSocket.connect(stomp, OtherNode.port(nodeB), listener, roomId);

            onA.send("/app/live/room/" + roomId + "/seek", "{\"positionMs\":21000}");
            JsonNode state = onB.await("state", message -> positionMs(message) == 21000);
            assertThat(state.path("serverTime").asLong()).as("state messages carry the server's time").isPositive();

            onB.send("/app/live/room/" + roomId + "/chat", "{\"text\":\"hello from node B\"}");
            JsonNode chat = onA.await("chat", message -> "hello from node B".equals(field(message, "text").asString()));
            assertThat(field(chat, "username").asString()).isEqualTo(listener.username());
            assertThat(onB.await("chat", message -> "hello from node B".equals(field(message, "text").asString())))
                    .as("the sender's own node delivers it once too").isNotNull();
            onA.disconnect();
            onB.disconnect();
        }
    }

    @Test
    void stateOutlivesARestartOfTheNodeThatTookTheCommand() throws Exception {
        Account host = users.user();
        Account listener = users.user();
        String roomId = roomWithATrack(host, listener);
        WebSocketStompClient stomp = new WebSocketStompClient(new StandardWebSocketClient());
        LiveSocket listenerOnA = LiveSocket.connect(stomp, port, listener, roomId);
        try (ConfigurableApplicationContext nodeB = OtherNode.start(firstNode, secondDataDir)) {
            LiveSocket hostOnB = LiveSocket.connect(stomp, OtherNode.port(nodeB), host, roomId);
            hostOnB.send("/app/live/room/" + roomId + "/pause", "{\"positionMs\":33000}");
            listenerOnA.await("state", message -> positionMs(message) == 33000);
            hostOnB.disconnect();
        }
        try (ConfigurableApplicationContext restarted = OtherNode.start(firstNode, secondDataDir)) {
            Api nodeB = new Api(OtherNode.port(restarted));
            HttpResponse<String> room = nodeB.get("/api/v1/rooms/" + roomId, listener.accessToken());
            assertThat(room.statusCode()).as(room.body()).isEqualTo(200);
            JsonNode state = Api.json(room).path("state");
            assertThat(state.path("positionMs").asLong()).isEqualTo(33000);
            assertThat(state.path("playing").asBoolean()).isFalse();

            LiveSocket hostAgain = LiveSocket.connect(stomp, OtherNode.port(restarted), host, roomId);
            JsonNode snapshot = hostAgain.snapshot().path("data").path("state");
            assertThat(snapshot.path("positionMs").asLong()).as("a joiner on the restarted node gets the state first")
                    .isEqualTo(33000);
            assertThat(snapshot.path("playing").asBoolean()).isFalse();
            hostAgain.send("/app/live/room/" + roomId + "/play", "{\"positionMs\":34000}");
            JsonNode playing = listenerOnA.await("state", message -> positionMs(message) == 34000);
            assertThat(field(playing, "playing").asBoolean()).isTrue();
            hostAgain.disconnect();
        }
        listenerOnA.disconnect();
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
        WebSocketStompClient stomp = new WebSocketStompClient(new StandardWebSocketClient());
        LiveSocket socket = LiveSocket.connect(stomp, port, host, roomId);
        socket.send("/app/live/room/" + roomId + "/queue/add", "{\"trackId\":\"" + trackId + "\"}");
        socket.await("state", message -> message.toString().contains(trackId));
        socket.disconnect();
        return roomId;
    }

    private static long positionMs(JsonNode message) {
        return field(message, "positionMs").asLong(-1);
    }

    /** A field of a live message: beside {@code type}, or inside its {@code data} or {@code state}. */
    private static JsonNode field(JsonNode message, String name) {
        if (message.has(name)) {
            return message.path(name);
        }
        for (String nested : new String[] { "data", "state" }) {
            JsonNode inner = message.path(nested);
            if (inner.isObject()) {
                JsonNode found = field(inner, name);
                if (!found.isMissingNode()) {
                    return found;
                }
            }
        }
        return message.path(name);
    }

    /** A member's STOMP connection to one node, subscribed to the room's topic and its own queues. */
    private record LiveSocket(StompSession session, BlockingQueue<JsonNode> topic, BlockingQueue<JsonNode> errors,
            BlockingQueue<JsonNode> mine) {

        static LiveSocket connect(WebSocketStompClient client, int port, Account account, String roomId)
                throws Exception {
            StompHeaders connect = new StompHeaders();
            connect.add("Authorization", "Bearer " + account.accessToken());
            StompSession session = client.connectAsync(URI.create("ws://127.0.0.1:" + port + "/ws"),
                    new WebSocketHttpHeaders(), connect, new StompSessionHandlerAdapter() { }).get(10, TimeUnit.SECONDS);
            BlockingQueue<JsonNode> topic = new LinkedBlockingQueue<>();
            BlockingQueue<JsonNode> mine = new LinkedBlockingQueue<>();
            BlockingQueue<JsonNode> errors = new LinkedBlockingQueue<>();
            subscribe(session, "/user/queue/errors", errors);
            subscribe(session, "/user/queue/live", mine);
            subscribe(session, "/topic/live/room/" + roomId, topic);
            LiveSocket socket = new LiveSocket(session, topic, errors, mine);
            // the presence broadcast of this join: proof that the topic subscription is in place
            socket.await("presence", message -> true);
            return socket;
        }

        /** The snapshot the server sent this connection when it subscribed (first on /user/queue/live). */
        JsonNode snapshot() throws InterruptedException {
            JsonNode snapshot = mine.poll(10, TimeUnit.SECONDS);
            assertThat(snapshot).as("a snapshot on /user/queue/live; errors: %s", errors).isNotNull();
            assertThat(snapshot.path("type").asString()).isEqualTo("snapshot");
            return snapshot;
        }

        private static void subscribe(StompSession session, String destination, BlockingQueue<JsonNode> sink) {
            session.subscribe(destination, new StompFrameHandler() {
                @Override
                public Type getPayloadType(StompHeaders headers) {
                    return byte[].class;
                }

                @Override
                public void handleFrame(StompHeaders headers, Object payload) {
                    sink.add(Api.json(new String((byte[]) payload, StandardCharsets.UTF_8)));
                }
            });
        }

        void send(String destination, String json) {
            StompHeaders headers = new StompHeaders();
            headers.setDestination(destination);
            headers.setContentType(org.springframework.util.MimeTypeUtils.APPLICATION_JSON);
            session.send(headers, json.getBytes(StandardCharsets.UTF_8));
        }

        /** The first topic message of {@code type} matching {@code wanted}, within 10 s; others are skipped. */
        JsonNode await(String type, Predicate<JsonNode> wanted) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline) {
                JsonNode message = topic.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (message != null && type.equals(message.path("type").asString()) && wanted.test(message)) {
                    return message;
                }
            }
            throw new AssertionError("no " + type + " message as expected within 10 s; errors: " + errors);
        }

        void disconnect() {
            session.disconnect();
        }
    }
}
