package dev.encore.support;

import java.lang.reflect.Type;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

import tools.jackson.databind.JsonNode;

/**
 * A real STOMP client on {@code /ws} for live tests: connects with a bearer token, subscribes to
 * {@code /user/queue/errors}, {@code /user/queue/live} and {@code /user/queue/time} at once, and
 * collects every message (as JSON) per destination.
 */
public final class StompTestClient implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final StompSession session;
    private final Map<String, BlockingQueue<JsonNode>> inbox = new ConcurrentHashMap<>();
    private final CompletableFuture<Throwable> lost;

    private StompTestClient(StompSession session, CompletableFuture<Throwable> lost) {
        this.session = session;
        this.lost = lost;
    }

    /** Connects as the owner of {@code token} and waits until its user queues are subscribed. */
    public static StompTestClient connect(int port, String token) throws Exception {
        WebSocketStompClient client = new WebSocketStompClient(new StandardWebSocketClient());
        client.setInboundMessageSizeLimit(512 * 1024);
        StompHeaders connect = new StompHeaders();
        connect.add("Authorization", "Bearer " + token);
        CompletableFuture<Throwable> lost = new CompletableFuture<>();
        // a client address of its own (the test app trusts 127.0.0.1 as a proxy), as Api's clients have:
        // every connection counts against its address's cap (encore.live.max-connections-per-address)
        WebSocketHttpHeaders handshake = new WebSocketHttpHeaders();
        handshake.add("X-Forwarded-For", Api.nextClientAddress());
        StompSession session = client.connectAsync(URI.create("ws://127.0.0.1:" + port + "/ws"),
                handshake, connect, new StompSessionHandlerAdapter() {
                    @Override
                    public void handleTransportError(StompSession session, Throwable exception) {
                        lost.complete(exception);
                    }

                    @Override
                    public void handleException(StompSession session, StompCommand command, StompHeaders headers,
                            byte[] payload, Throwable exception) {
                        lost.complete(exception);
                    }
                }).get(10, TimeUnit.SECONDS);
        StompTestClient stomp = new StompTestClient(session, lost);
        stomp.subscribe("/user/queue/errors");
        stomp.subscribe("/user/queue/live");
        stomp.subscribe("/user/queue/time");
        stomp.syncClock();
        return stomp;
    }

    /** Subscribes to {@code destination}; its messages collect in {@link #queue}. */
    public BlockingQueue<JsonNode> subscribe(String destination) {
        BlockingQueue<JsonNode> queue = queue(destination);
        session.subscribe(destination, new StompFrameHandler() {
            @Override
            public Type getPayloadType(StompHeaders headers) {
                return byte[].class;
            }

            @Override
            public void handleFrame(StompHeaders headers, Object payload) {
                queue.add(Api.json(new String((byte[]) payload, StandardCharsets.UTF_8)));
            }
        });
        return queue;
    }

    /** Subscribes to {@code destination} and returns this client, for use in try-with-resources. */
    public StompTestClient follow(String destination) {
        subscribe(destination);
        return this;
    }

    /** The messages received on {@code destination} so far (and later). */
    public BlockingQueue<JsonNode> queue(String destination) {
        return inbox.computeIfAbsent(destination, d -> new LinkedBlockingQueue<>());
    }

    /** SENDs {@code json} (as application/json) to {@code destination}. */
    public void send(String destination, String json) {
        StompHeaders headers = new StompHeaders();
        headers.setDestination(destination);
        headers.setContentType(org.springframework.util.MimeTypeUtils.APPLICATION_JSON);
        session.send(headers, json.getBytes(StandardCharsets.UTF_8));
    }

    /** One clock-sync round trip; returns the answer. Also proves the connection is usable. */
    public JsonNode syncClock() throws InterruptedException {
        double sent = System.currentTimeMillis();
        send("/app/time", "{\"clientTime\": " + sent + "}");
        return await("/user/queue/time", json -> json.path("clientTime").asDouble() == sent);
    }

    /** Waits (10 s at most) for a message on {@code destination} that matches; earlier ones are dropped. */
    public JsonNode await(String destination, Predicate<JsonNode> wanted) throws InterruptedException {
        return await(destination, wanted, WAIT);
    }

    /** Waits {@code within} at most for a message on {@code destination} that matches; earlier ones are dropped. */
    public JsonNode await(String destination, Predicate<JsonNode> wanted, Duration within)
            throws InterruptedException {
        BlockingQueue<JsonNode> queue = queue(destination);
        long deadline = System.nanoTime() + within.toNanos();
        List<JsonNode> others = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            JsonNode next = queue.poll(50, TimeUnit.MILLISECONDS);
            if (next != null && wanted.test(next)) {
                return next;
            }
            if (next != null) {
                others.add(next);
            }
        }
        throw new AssertionError("No matching message on " + destination + " within " + within + "; got " + others);
    }

    /** Waits for a message of {@code type} on {@code destination}. */
    public JsonNode awaitType(String destination, String type) throws InterruptedException {
        return await(destination, json -> type.equals(json.path("type").asString()));
    }

    /** Waits {@code within} at most for a message of {@code type} on {@code destination}. */
    public JsonNode awaitType(String destination, String type, Duration within) throws InterruptedException {
        return await(destination, json -> type.equals(json.path("type").asString()), within);
    }

    /** Fails if a message of {@code type} arrives on {@code destination} during {@code during}. */
    public void none(String destination, String type, Duration during) throws InterruptedException {
        BlockingQueue<JsonNode> queue = queue(destination);
        long deadline = System.nanoTime() + during.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode next = queue.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (next != null && type.equals(next.path("type").asString())) {
                throw new AssertionError("Unexpected " + type + " message on " + destination + ": " + next);
            }
        }
    }

    /** Completes when the connection is lost (transport error or ERROR frame). */
    public CompletableFuture<Throwable> lost() {
        return lost;
    }

    public boolean connected() {
        return session.isConnected();
    }

    @Override
    public void close() {
        if (session.isConnected()) {
            session.disconnect();
        }
    }
}
