package dev.encore.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Type;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

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
 * A real STOMP client of one user over {@code /ws}: every frame of each subscribed destination is
 * kept in order, as JSON, for the test to wait for.
 */
public final class StompFollower implements AutoCloseable {

    private final StompSession session;
    private final Map<String, BlockingQueue<JsonNode>> received = new ConcurrentHashMap<>();

    private StompFollower(StompSession session) {
        this.session = session;
    }

    /** Connects as the holder of {@code accessToken} and subscribes to errors and live snapshots. */
    public static StompFollower connect(int port, String accessToken) throws Exception {
        WebSocketStompClient client = new WebSocketStompClient(new StandardWebSocketClient());
        StompHeaders connect = new StompHeaders();
        connect.add("Authorization", "Bearer " + accessToken);
        StompSession session = client.connectAsync(URI.create("ws://127.0.0.1:" + port + "/ws"),
                new WebSocketHttpHeaders(), connect, new StompSessionHandlerAdapter() { }).get(10, TimeUnit.SECONDS);
        StompFollower follower = new StompFollower(session);
        follower.subscribe("/user/queue/errors");
        follower.subscribe("/user/queue/live");
        Thread.sleep(200); // the queues are subscribed before a topic's snapshot is sent to them
        return follower;
    }

    /** Subscribes to {@code destination}; its frames are kept from now on. */
    public StompFollower subscribe(String destination) {
        BlockingQueue<JsonNode> frames = received.computeIfAbsent(destination, key -> new LinkedBlockingQueue<>());
        session.subscribe(destination, new StompFrameHandler() {
            @Override
            public Type getPayloadType(StompHeaders headers) {
                return byte[].class;
            }

            @Override
            public void handleFrame(StompHeaders headers, Object payload) {
                frames.add(Api.json(new String((byte[]) payload, StandardCharsets.UTF_8)));
            }
        });
        return this;
    }

    /** Sends {@code json} to {@code destination} (an {@code /app/...} command). */
    public void send(String destination, String json) {
        StompHeaders headers = new StompHeaders();
        headers.setDestination(destination);
        headers.setContentType(org.springframework.util.MimeTypeUtils.APPLICATION_JSON);
        session.send(headers, json.getBytes(StandardCharsets.UTF_8));
    }

    /** The next frame on {@code destination} whose {@code type} is {@code type}, skipping others; fails after {@code within}. */
    public JsonNode next(String destination, String type, Duration within) throws InterruptedException {
        BlockingQueue<JsonNode> frames = received.get(destination);
        List<JsonNode> skipped = new ArrayList<>();
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode frame = frames.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (frame != null && type.equals(frame.path("type").asString())) {
                return frame;
            }
            if (frame != null) {
                skipped.add(frame);
            }
        }
        throw new AssertionError("no " + type + " message on " + destination + " within " + within + "; got "
                + skipped);
    }

    /** No frame of {@code type} arrives on {@code destination} for {@code during}. */
    public void none(String destination, String type, Duration during) throws InterruptedException {
        BlockingQueue<JsonNode> frames = received.get(destination);
        long deadline = System.nanoTime() + during.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode frame = frames.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            assertThat(frame == null || !type.equals(frame.path("type").asString())).as(String.valueOf(frame))
                    .isTrue();
        }
    }

    @Override
    public void close() {
        if (session.isConnected()) {
            session.disconnect();
        }
    }
}
