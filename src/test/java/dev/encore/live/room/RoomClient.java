package dev.encore.live.room;

import java.lang.reflect.Type;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

import tools.jackson.databind.JsonNode;

import dev.encore.support.Api;

/**
 * One user's STOMP connection to a room, as a client makes it: subscribed to the room's topic, its
 * errors and its snapshot queue; what arrives is kept, in order, per destination.
 */
final class RoomClient implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final StompSession session;
    final BlockingQueue<JsonNode> topic = new LinkedBlockingQueue<>();
    final BlockingQueue<JsonNode> errors = new LinkedBlockingQueue<>();
    final BlockingQueue<JsonNode> live = new LinkedBlockingQueue<>();
    private final List<JsonNode> seen = new CopyOnWriteArrayList<>();

    private RoomClient(StompSession session) {
        this.session = session;
    }

    /** Connects with {@code accessToken}, subscribes to errors, snapshots and the room's topic, and waits for the snapshot. */
    static RoomClient join(int port, String accessToken, String roomId) throws Exception {
        WebSocketStompClient client = new WebSocketStompClient(new StandardWebSocketClient());
        StompHeaders connect = new StompHeaders();
        connect.add("Authorization", "Bearer " + accessToken);
        StompSession session = client.connectAsync(URI.create("ws://127.0.0.1:" + port + "/ws"),
                new WebSocketHttpHeaders(), connect, new StompSessionHandlerAdapter() { }).get(10, TimeUnit.SECONDS);
        RoomClient room = new RoomClient(session);
        room.subscribe("/user/queue/errors", room.errors);
        room.subscribe("/user/queue/live", room.live);
        Thread.sleep(200); // the user queues are subscribed before the topic's snapshot is sent
        room.subscribe("/topic/live/room/" + roomId, room.topic);
        JsonNode snapshot = room.live.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        if (snapshot == null || !snapshot.path("type").asString().equals("snapshot")) {
            throw new AssertionError("no snapshot for room " + roomId + ": " + snapshot + ", errors " + room.errors);
        }
        room.live.add(snapshot);
        return room;
    }

    private void subscribe(String destination, BlockingQueue<JsonNode> sink) {
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

    /** SENDs {@code json} to {@code /app/live/room/<id>/<command>}. */
    void send(String roomId, String command, String json) {
        StompHeaders headers = new StompHeaders();
        headers.setDestination("/app/live/room/" + roomId + "/" + command);
        headers.setContentType(org.springframework.util.MimeTypeUtils.APPLICATION_JSON);
        session.send(headers, json.getBytes(StandardCharsets.UTF_8));
    }

    /** The next topic message of {@code type} that matches (earlier ones of other shapes are skipped). */
    JsonNode next(String type, Predicate<JsonNode> data) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode message = topic.poll(100, TimeUnit.MILLISECONDS);
            if (message != null) {
                seen.add(message);
                if (message.path("type").asString().equals(type) && data.test(message.path("data"))) {
                    return message;
                }
            }
        }
        throw new AssertionError("no " + type + " message; saw " + seen);
    }

    JsonNode next(String type) throws InterruptedException {
        return next(type, data -> true);
    }

    /** The next error on {@code /user/queue/errors}. */
    JsonNode error() throws InterruptedException {
        JsonNode error = errors.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        if (error == null) {
            throw new AssertionError("no error message");
        }
        return error;
    }

    @Override
    public void close() {
        if (session.isConnected()) {
            session.disconnect();
        }
    }
}
