package dev.encore.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Type;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

import tools.jackson.databind.JsonNode;

import dev.encore.support.Api;
import dev.encore.support.IntegrationTest;
import dev.encore.support.MediaServer;
import dev.encore.support.MediaTools;
import dev.encore.support.StompTestClient;
import dev.encore.support.TestAccounts.Account;

/** Progress of an import arrives in order over SSE and STOMP, to its owner only. */
class ImportProgressIT extends IntegrationTest {

    private static final List<String> PHASES = List.of("resolving", "downloading", "converting", "finishing");

    @TempDir
    static Path media;

    private static MediaServer origin;

    @BeforeAll
    static void origin() throws Exception {
        MediaTools.require("yt-dlp", "ffmpeg", "ffprobe");
        origin = new MediaServer();
        origin.file("/sse.mp3", MediaTools.tone(media.resolve("sse.mp3"), "Streamed", 800, 4), "audio/mpeg", 40000);
        origin.file("/stomp.mp3", MediaTools.tone(media.resolve("stomp.mp3"), "Pushed", 900, 4), "audio/mpeg", 40000);
    }

    @AfterAll
    static void stopOrigin() {
        if (origin != null) {
            origin.close();
        }
    }

    @Test
    void serverSentEventsFollowAnImportInOrder() throws Exception {
        Account user = users.user();
        ImportsClient imports = new ImportsClient(port);
        String id = imports.start(user.accessToken(), origin.url("/sse.mp3"), "flac");

        HttpResponse<Stream<String>> stream = HttpClient.newHttpClient().send(api.request("/api/v1/imports/" + id
                + "/events").header("Authorization", "Bearer " + user.accessToken())
                .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
        // the server closes the stream after the final status; a stream that never ends fails the test
        List<JsonNode> events = CompletableFuture.supplyAsync(() -> {
            try (Stream<String> lines = stream.body()) {
                return lines.filter(line -> line.startsWith("data:")).map(line -> Api.json(line.substring(5))).toList();
            }
        }).get(90, TimeUnit.SECONDS);
        assertInOrder(events, id);
    }

    @Test
    void stompPushesProgressToTheOwnerOnly() throws Exception {
        Account owner = users.user();
        Account stranger = users.user();
        BlockingQueue<JsonNode> mine = new LinkedBlockingQueue<>();
        List<JsonNode> theirs = new CopyOnWriteArrayList<>();
        WebSocketStompClient client = new WebSocketStompClient(new StandardWebSocketClient());
        StompSession ownerSession = connect(client, owner.accessToken(), mine::add);
        StompSession strangerSession = connect(client, stranger.accessToken(), theirs::add);

        String id = new ImportsClient(port).start(owner.accessToken(), origin.url("/stomp.mp3"), "mp3");
        List<JsonNode> events = new CopyOnWriteArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            JsonNode event = mine.poll(1, TimeUnit.SECONDS);
            if (event != null) {
                events.add(event);
                if (event.path("status").asString().equals("SUCCEEDED")) {
                    break;
                }
            }
        }
        assertInOrder(events, id);
        assertThat(theirs).isEmpty();
        ownerSession.disconnect();
        strangerSession.disconnect();
    }

    @Test
    void stompRefusesMissingTokensAndOtherUsersQueues() throws Exception {
        WebSocketStompClient client = new WebSocketStompClient(new StandardWebSocketClient());
        CompletableFuture<StompSession> anonymous = client.connectAsync(URI.create("ws://127.0.0.1:" + port + "/ws"),
                new WebSocketHttpHeaders(), new StompHeaders(), new StompSessionHandlerAdapter() { });
        assertThat(anonymous).failsWithin(10, TimeUnit.SECONDS);

        Account user = users.user();
        try (StompTestClient session = StompTestClient.connect(port, user.accessToken())) {
            // the broker's resolved per-session queue of someone else cannot be subscribed to directly;
            // the refusal comes on this connection's error queue and the connection stays usable
            BlockingQueue<JsonNode> theirs = session.subscribe("/queue/imports-user" + "someone");
            JsonNode error = session.await("/user/queue/errors", json -> true);
            assertThat(error.path("type").asString()).isEqualTo("live-unknown-destination");
            assertThat(error.path("destination").asString()).isEqualTo("/queue/imports-usersomeone");
            assertThat(theirs).isEmpty();
            assertThat(session.syncClock()).isNotNull();
        }
    }

    private StompSession connect(WebSocketStompClient client, String token, java.util.function.Consumer<JsonNode> sink)
            throws Exception {
        StompHeaders connect = new StompHeaders();
        connect.add("Authorization", "Bearer " + token);
        StompSession session = client.connectAsync(URI.create("ws://127.0.0.1:" + port + "/ws"),
                new WebSocketHttpHeaders(), connect, new StompSessionHandlerAdapter() { }).get(10, TimeUnit.SECONDS);
        StompSession.Subscription subscription = session.subscribe("/user/queue/imports", new StompFrameHandler() {
            @Override
            public Type getPayloadType(StompHeaders headers) {
                return byte[].class;
            }

            @Override
            public void handleFrame(StompHeaders headers, Object payload) {
                sink.accept(Api.json(new String((byte[]) payload, StandardCharsets.UTF_8)));
            }
        });
        assertThat(subscription.getSubscriptionId()).isNotNull();
        Thread.sleep(300); // the SUBSCRIBE frame reaches the broker before the import starts
        return session;
    }

    /** Statuses move forward, progress never goes back, phases keep their order, and it ends SUCCEEDED at 100. */
    private static void assertInOrder(List<JsonNode> events, String id) {
        assertThat(events).as("events").hasSizeGreaterThan(3);
        assertThat(events).allSatisfy(event -> assertThat(event.path("importId").asString()).isEqualTo(id));
        JsonNode last = events.getLast();
        assertThat(last.path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(last.path("progress").asInt()).isEqualTo(100);
        int progress = 0;
        int phase = 0;
        for (JsonNode event : events) {
            assertThat(event.path("progress").asInt()).as(events.toString()).isGreaterThanOrEqualTo(progress);
            progress = event.path("progress").asInt();
            if (event.hasNonNull("phase")) {
                int at = PHASES.indexOf(event.path("phase").asString());
                assertThat(at).as(events.toString()).isGreaterThanOrEqualTo(phase);
                phase = at;
            }
        }
        assertThat(events.stream().map(event -> event.path("phase").asString(""))).contains("downloading",
                "converting");
    }
}
