package dev.encore.platform.messaging;

import static dev.encore.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.web.socket.WebSocketHandler;
import tools.jackson.databind.JsonNode;

import dev.encore.support.IntegrationTest;
import dev.encore.support.TestAccounts;

/**
 * A STOMP CONNECT without a valid access token is refused the way STOMP refuses: an ERROR frame
 * that says why, then the server closes the connection (an unauthenticated client holds no socket).
 */
@ExtendWith(OutputCaptureExtension.class)
class StompConnectIT extends IntegrationTest {

    @Autowired
    @Qualifier("subProtocolWebSocketHandler")
    private WebSocketHandler stompHandler;

    @ParameterizedTest
    @ValueSource(strings = { "", "Authorization:Bearer not-a-token\n", "Authorization:Basic dXNlcjpwYXNz\n" })
    void aConnectWithoutAValidTokenIsAnsweredWithAnErrorFrameAndTheConnectionCloses(String authorization,
            CapturedOutput output) throws Exception {
        BlockingQueue<String> frames = new LinkedBlockingQueue<>();
        CompletableFuture<Integer> closed = new CompletableFuture<>();
        WebSocket socket = open(frames, closed);
        socket.sendText("CONNECT\naccept-version:1.2\nhost:localhost\n" + authorization + "\n\u0000", true)
                .get(10, TimeUnit.SECONDS);

        String frame = frames.poll(10, TimeUnit.SECONDS);
        assertThat(frame).as("an answer to the CONNECT").isNotNull();
        assertThat(frame).startsWith("ERROR\n").doesNotContain("Exception").doesNotContain("at dev.encore");
        assertThat(frame).containsIgnoringCase("access token");
        assertThat(closed.get(10, TimeUnit.SECONDS)).as("the server closes the connection").isNotNull();
        assertThat(output.getAll()).as("a client's mistake, not the server's").doesNotContain("\"log.level\":\"ERROR\"");
    }

    /**
     * A connection is authenticated at CONNECT; signing out (or any other revocation of its token)
     * ends it, whether it only listens or sends, and leaves other connections open.
     */
    @Test
    void aConnectionWhoseTokenIsRevokedIsEnded() throws Exception {
        TestAccounts.Account listener = users.user();
        TestAccounts.Account sender = users.user();
        TestAccounts.Account other = users.user();
        BlockingQueue<String> listenerFrames = new LinkedBlockingQueue<>();
        CompletableFuture<Integer> listenerClosed = new CompletableFuture<>();
        WebSocket listening = connected(listener, listenerFrames, listenerClosed);
        BlockingQueue<String> senderFrames = new LinkedBlockingQueue<>();
        CompletableFuture<Integer> senderClosed = new CompletableFuture<>();
        WebSocket sending = connected(sender, senderFrames, senderClosed);
        BlockingQueue<String> otherFrames = new LinkedBlockingQueue<>();
        CompletableFuture<Integer> otherClosed = new CompletableFuture<>();
        WebSocket staying = connected(other, otherFrames, otherClosed);

        assertThat(api.send("POST", "/api/v1/auth/logout", listener.accessToken(), null).statusCode()).isEqualTo(204);
        assertThat(api.send("DELETE", "/api/v1/me/sessions/" + sender.sessionId(), sender.accessToken(), null)
                .statusCode()).isEqualTo(204);
        // (the sweep may have ended it a moment before: then the frame is not sent, and the ERROR came anyway)
        sending.sendText("SUBSCRIBE\nid:1\ndestination:/user/queue/errors\n\n\u0000", true)
                .exceptionally(closedAlready -> null).get(10, TimeUnit.SECONDS);

        for (BlockingQueue<String> frames : List.of(listenerFrames, senderFrames)) {
            String frame = frames.poll(15, TimeUnit.SECONDS);
            assertThat(frame).as("an ERROR frame tells why").isNotNull().startsWith("ERROR\n").contains("revoked");
        }
        assertThat(listenerClosed.get(10, TimeUnit.SECONDS)).as("a connection that only listens").isNotNull();
        assertThat(senderClosed.get(10, TimeUnit.SECONDS)).as("a connection that sends").isNotNull();

        assertServedAndClose(staying, otherFrames, otherClosed, "another user's connection is still served");
        listening.abort();
        sending.abort();
    }

    /**
     * A message that is no STOMP frame is the client's mistake: an ERROR frame that names no class of
     * the server, the connection closed (protocol error), and nothing of the client's bytes logged.
     */
    @ParameterizedTest
    @ValueSource(strings = { "GARBAGE-ADJ6\n\n\u0000", "SEND\ndestination-ADJ6\n\n\u0000",
            "SEND\ndestination:/app/\\qADJ6\n\n\u0000" })
    void aMessageThatIsNoStompFrameIsRefusedAndNotLogged(String malformed, CapturedOutput output) throws Exception {
        BlockingQueue<String> frames = new LinkedBlockingQueue<>();
        CompletableFuture<Integer> closed = new CompletableFuture<>();
        WebSocket socket = open(frames, closed);
        socket.sendText(malformed, true).get(10, TimeUnit.SECONDS);

        String frame = frames.poll(10, TimeUnit.SECONDS);
        assertThat(frame).as("an answer").isNotNull().startsWith("ERROR\n").contains("Malformed STOMP frame")
                .doesNotContain("org.springframework").doesNotContain("ADJ6");
        assertThat(closed.get(10, TimeUnit.SECONDS)).as("protocol error").isEqualTo(1002);
        assertThat(output.getAll()).doesNotContain("ADJ6").doesNotContain("\"log.level\":\"ERROR\"");
    }

    /**
     * A broken frame that begins in one message and ends in the next (here after a whole SEND) is
     * read by Spring's buffering decoder, not by the guard; it is answered with the same ERROR frame,
     * not with the decoder's exception text (which named a class of the server and echoed the client's
     * bytes).
     */
    @Test
    void aBrokenFrameCompletedByTheNextMessageIsRefusedWithoutTheServersText() throws Exception {
        BlockingQueue<String> frames = new LinkedBlockingQueue<>();
        CompletableFuture<Integer> closed = new CompletableFuture<>();
        WebSocket socket = connected(users.user(), frames, closed);
        socket.sendText("SEND\ndestination:/app/time\n\n{\"clientTime\":1}\u0000GARBAGE-ADJ7", true)
                .get(10, TimeUnit.SECONDS);
        socket.sendText("\n\n\u0000", true).get(10, TimeUnit.SECONDS);

        String frame = frames.poll(10, TimeUnit.SECONDS);
        assertThat(frame).as("an answer").isNotNull().startsWith("ERROR\n").contains("Malformed STOMP frame")
                .doesNotContain("org.springframework").doesNotContain("ADJ7");
        assertThat(closed.get(10, TimeUnit.SECONDS)).as("protocol error").isEqualTo(1002);
    }

    /** A frame a client splits over several WebSocket messages is put together, not refused. */
    @Test
    void aFrameSplitOverMessagesIsStillAccepted() throws Exception {
        BlockingQueue<String> frames = new LinkedBlockingQueue<>();
        CompletableFuture<Integer> closed = new CompletableFuture<>();
        WebSocket socket = open(frames, closed);
        socket.sendText("CONNECT\naccept-version:1.2\nhost:loc", true).get(10, TimeUnit.SECONDS);
        socket.sendText("alhost\nAuthorization:Bearer " + users.user().accessToken() + "\n\n\u0000", true)
                .get(10, TimeUnit.SECONDS);
        assertThat(frames.poll(10, TimeUnit.SECONDS)).startsWith("CONNECTED");
        socket.sendText("\n", true).get(10, TimeUnit.SECONDS); // a heart-beat
        socket.sendText("SUBSCRIBE\nid:1\ndestination:/user/queue/errors\n\n\u0000", true).get(10, TimeUnit.SECONDS);
        socket.sendText("SEND\ndestination:/app/nowhere\n\n{}\u0000", true).get(10, TimeUnit.SECONDS);
        assertThat(frames.poll(10, TimeUnit.SECONDS)).startsWith("MESSAGE").contains("live-unknown-destination");
        assertThat(closed).isNotDone();
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    }

    /**
     * A flood of SUBSCRIBE frames (which ran a node on a 256 MB heap out of memory) ends its
     * connection once it passes 64 subscriptions; the frames queued behind are dropped, and the user's
     * other connections are served.
     */
    @Test
    void aConnectionThatSubscribesWithoutEndIsClosedAndItsUserIsStillServed(CapturedOutput output) throws Exception {
        TestAccounts.Account user = users.user();
        BlockingQueue<String> frames = new LinkedBlockingQueue<>();
        CompletableFuture<Integer> closed = new CompletableFuture<>();
        WebSocket flooding = connected(user, frames, closed);
        for (int n = 0; n < 3000 && !closed.isDone(); n++) {
            flooding.sendText("SUBSCRIBE\nid:" + n + "\ndestination:/user/queue/flood-" + n + "\n\n\u0000", true)
                    .exceptionally(gone -> null).get(10, TimeUnit.SECONDS);
        }
        String frame = frames.poll(10, TimeUnit.SECONDS);
        assertThat(frame).as("an ERROR frame tells why").isNotNull().startsWith("ERROR\n")
                .contains("More than 64 subscriptions");
        assertThat(closed.get(10, TimeUnit.SECONDS)).as("the connection is closed").isNotNull();

        BlockingQueue<String> otherFrames = new LinkedBlockingQueue<>();
        CompletableFuture<Integer> otherClosed = new CompletableFuture<>();
        WebSocket other = connected(user, otherFrames, otherClosed);
        other.sendText("SUBSCRIBE\nid:1\ndestination:/user/queue/errors\n\n\u0000", true).get(10, TimeUnit.SECONDS);
        other.sendText("SEND\ndestination:/app/nowhere\n\n{}\u0000", true).get(10, TimeUnit.SECONDS);
        assertThat(otherFrames.poll(10, TimeUnit.SECONDS)).as("the user's next connection is served, and gets only "
                + "its own answers").startsWith("MESSAGE").contains("live-unknown-destination");
        assertThat(api.get("/api/v1/me", user.accessToken()).statusCode()).isEqualTo(200);
        assertThat(output.getAll()).doesNotContain("\"log.level\":\"ERROR\"").doesNotContain(" ERROR ");
        other.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    }

    /**
     * A second SUBSCRIBE to a destination the connection has is refused (it would only double every
     * message); a connection refused more than 64 times is closed, after an ERROR frame that says why
     * (which a close racing the refusal before it dropped: {@link ErrorFrameFirstSessionTests}).
     */
    @Test
    void aRepeatedSubscriptionIsRefusedAndAConnectionRefusedTooOftenIsClosed() throws Exception {
        assertThat(stompHandler).as("connections that write their ERROR frame before they close")
                .isInstanceOf(ErrorFrameFirstWebSocketHandler.class);
        TestAccounts.Account user = users.user();
        BlockingQueue<String> frames = new LinkedBlockingQueue<>();
        CompletableFuture<Integer> closed = new CompletableFuture<>();
        WebSocket socket = connected(user, frames, closed);
        socket.sendText("SUBSCRIBE\nid:1\ndestination:/user/queue/errors\n\n\u0000", true).get(10, TimeUnit.SECONDS);
        socket.sendText("SUBSCRIBE\nid:2\ndestination:/user/queue/errors\n\n\u0000", true).get(10, TimeUnit.SECONDS);
        assertThat(frames.poll(10, TimeUnit.SECONDS)).startsWith("MESSAGE").contains("live-already-subscribed");
        socket.sendText("UNSUBSCRIBE\nid:1\n\n\u0000", true).get(10, TimeUnit.SECONDS);
        socket.sendText("SUBSCRIBE\nid:3\ndestination:/user/queue/errors\n\n\u0000", true).get(10, TimeUnit.SECONDS);
        socket.sendText("SEND\ndestination:/app/nowhere\n\n{}\u0000", true).get(10, TimeUnit.SECONDS);
        assertThat(frames.poll(10, TimeUnit.SECONDS)).as("subscribed again after UNSUBSCRIBE").startsWith("MESSAGE")
                .contains("live-unknown-destination");

        for (int n = 0; n < 200 && !closed.isDone(); n++) {
            socket.sendText("SEND\ndestination:/app/nowhere\n\n{}\u0000", true).exceptionally(gone -> null)
                    .get(10, TimeUnit.SECONDS);
        }
        assertThat(closed.get(10, TimeUnit.SECONDS)).as("closed after 64 refusals, as a protocol error")
                .isEqualTo(1002);
        assertThat(frames.stream().filter(frame -> frame.startsWith("MESSAGE")).count()).isLessThanOrEqualTo(64);
        assertThat(frames.stream().anyMatch(frame -> frame.startsWith("ERROR") && frame.contains("refused frames")))
                .isTrue();
    }

    @Test
    void aUserHoldsAtMostSixteenConnectionsOnANode() throws Exception {
        TestAccounts.Account user = users.user();
        List<WebSocket> open = new java.util.ArrayList<>();
        for (int n = 0; n < ConnectionLimits.CONNECTIONS_PER_USER; n++) {
            open.add(connected(user, new LinkedBlockingQueue<>(), new CompletableFuture<>()));
        }
        BlockingQueue<String> frames = new LinkedBlockingQueue<>();
        CompletableFuture<Integer> closed = new CompletableFuture<>();
        WebSocket refused = open(frames, closed);
        refused.sendText("CONNECT\naccept-version:1.2\nhost:localhost\nAuthorization:Bearer " + user.accessToken()
                + "\n\n\u0000", true).get(10, TimeUnit.SECONDS);
        assertThat(frames.poll(10, TimeUnit.SECONDS)).startsWith("ERROR\n").contains("16 live connections");
        assertThat(closed.get(10, TimeUnit.SECONDS)).isNotNull();

        open.removeFirst().sendClose(WebSocket.NORMAL_CLOSURE, "done").get(10, TimeUnit.SECONDS);
        org.awaitility.Awaitility.await("a place given back").atMost(java.time.Duration.ofSeconds(10))
                .untilAsserted(() -> open.add(connected(user, new LinkedBlockingQueue<>(), new CompletableFuture<>())));
        open.forEach(WebSocket::abort);
    }

    /** A frame before CONNECT is refused like a CONNECT without a token, and is not the server's error. */
    @Test
    void aFrameBeforeConnectIsRefusedAndNotLoggedAsAnError(CapturedOutput output) throws Exception {
        BlockingQueue<String> frames = new LinkedBlockingQueue<>();
        CompletableFuture<Integer> closed = new CompletableFuture<>();
        WebSocket socket = open(frames, closed);
        socket.sendText("SEND\ndestination:/app/time\n\n{\"clientTime\":1}\u0000", true).get(10, TimeUnit.SECONDS);
        assertThat(frames.poll(10, TimeUnit.SECONDS)).as("an answer").isNotNull().startsWith("ERROR\n");
        assertThat(closed.get(10, TimeUnit.SECONDS)).isNotNull();
        assertThat(output.getAll()).doesNotContain("Failed to send message to MessageChannel")
                .doesNotContain("\"log.level\":\"ERROR\"");
    }

    /**
     * A connection that never completes a CONNECT (4 bytes of one, say) is closed at the deadline
     * (policy violation), whether or not it sends anything more; 1,000 such connections held for good
     * ran a node out of memory. A connection that did CONNECT stays.
     */
    @Test
    void aConnectionWithoutConnectIsClosedAtTheDeadline() throws Exception {
        TestAccounts.Account user = users.user();
        BlockingQueue<String> frames = new LinkedBlockingQueue<>();
        CompletableFuture<Integer> closed = new CompletableFuture<>();
        WebSocket partial = open(frames, closed);
        partial.sendText("CONN", true).get(10, TimeUnit.SECONDS);
        BlockingQueue<String> connectedFrames = new LinkedBlockingQueue<>();
        CompletableFuture<Integer> connectedClosed = new CompletableFuture<>();
        WebSocket connected = connected(user, connectedFrames, connectedClosed);
        long start = System.nanoTime();

        assertThat(closed.get(20, TimeUnit.SECONDS)).as("policy violation").isEqualTo(1008);
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).as("at the 10 s deadline, not before")
                .isGreaterThan(java.time.Duration.ofSeconds(8));
        Thread.sleep(2_000); // the connected one's deadline has passed too
        assertServedAndClose(connected, connectedFrames, connectedClosed, "a connected client is served on");
    }

    /**
     * One client address holds at most 64 connections, CONNECTed or not; the handshake past them is a
     * 429 problem. Handshakes refused for another reason take no place, and every place comes back
     * when its connection ends (64 fit again, the 65th is refused again).
     */
    @Test
    void anAddressHoldsAtMostSixtyFourConnections() throws Exception {
        String client = "203.0.113." + (1 + (int) (Math.random() * 250));
        for (int n = 0; n < 70; n++) {
            assertThat(handshake("http://evil.example", client)).startsWith("HTTP/1.1 403");
        }
        List<WebSocket> open = new java.util.ArrayList<>();
        List<CompletableFuture<Integer>> closings = new java.util.ArrayList<>();
        for (int n = 0; n < 4; n++) { // CONNECTed (16 per user), so that no deadline ends them meanwhile
            TestAccounts.Account user = users.user();
            for (int c = 0; c < ConnectionLimits.CONNECTIONS_PER_USER; c++) {
                CompletableFuture<Integer> closed = new CompletableFuture<>();
                open.add(connected(user, new LinkedBlockingQueue<>(), closed, client));
                closings.add(closed);
            }
        }
        String refused = handshake("http://localhost:" + port, client);
        assertThat(refused).startsWith("HTTP/1.1 429").containsIgnoringCase("Content-Type: application/problem+json")
                .containsIgnoringCase("Retry-After: ").contains("/problems/too-many-connections")
                .contains("\"title\":\"Too many connections\"");
        assertThat(handshake("http://localhost:" + port, "203.0.113.251")).as("another address is served")
                .startsWith("HTTP/1.1 101");

        for (WebSocket socket : open) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(10, TimeUnit.SECONDS);
        }
        CompletableFuture.allOf(closings.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        List<WebSocket> again = new java.util.ArrayList<>();
        org.awaitility.Awaitility.await("every place given back").atMost(java.time.Duration.ofSeconds(5))
                .untilAsserted(() -> {
                    while (again.size() < 64) {
                        again.add(open(new LinkedBlockingQueue<>(), new CompletableFuture<>(), client));
                    }
                });
        assertThat(handshake("http://localhost:" + port, client)).as("and counted again").startsWith("HTTP/1.1 429");
        again.forEach(socket -> socket.sendClose(WebSocket.NORMAL_CLOSURE, "done"));
    }

    /**
     * A refusal counts whoever answers it: SENDs the commands' handlers refuse (a session the user is
     * not in, a payload that is no number) close the connection past 64 refusals like those the guard
     * refuses. 20,000 of them were all answered.
     */
    @ParameterizedTest
    @ValueSource(strings = { "/app/live/room/00000000-0000-0000-0000-000000000001/play\n\n{}",
            "/app/time\n\n{\"clientTime\":\"x\"}" })
    void sendsRefusedByTheirHandlerCloseTheConnectionPastSixtyFour(String send) throws Exception {
        BlockingQueue<String> frames = new LinkedBlockingQueue<>();
        CompletableFuture<Integer> closed = new CompletableFuture<>();
        WebSocket socket = connected(users.user(), frames, closed);
        socket.sendText("SUBSCRIBE\nid:1\ndestination:/user/queue/errors\n\n\u0000", true).get(10, TimeUnit.SECONDS);
        for (int n = 1; n <= 64; n++) { // one by one: a flood is cut short when the server closes while it still reads
            socket.sendText("SEND\ndestination:" + send + "\u0000", true).get(10, TimeUnit.SECONDS);
            assertThat(frames.poll(10, TimeUnit.SECONDS)).as("refusal %d is answered", n).startsWith("MESSAGE")
                    .containsAnyOf("live-forbidden", "live-bad-payload");
        }
        assertThat(closed).isNotDone();
        socket.sendText("SEND\ndestination:" + send + "\u0000", true).get(10, TimeUnit.SECONDS);
        // the 65th: an ERROR frame tells why, unless the close overtakes it (answers written from
        // another thread, as Redis's are in the services run, can still be in the send buffer)
        String last = frames.poll(10, TimeUnit.SECONDS);
        if (last != null) {
            assertThat(last).as("the 65th").startsWith("ERROR\n").contains("refused frames");
        }
        assertThat(closed.get(10, TimeUnit.SECONDS)).as("the connection is closed").isNotNull();
    }

    /** A second SUBSCRIBE with an id the connection uses already is refused: UNSUBSCRIBE names the id. */
    @Test
    void aSubscriptionIdInUseIsRefused() throws Exception {
        BlockingQueue<String> frames = new LinkedBlockingQueue<>();
        CompletableFuture<Integer> closed = new CompletableFuture<>();
        WebSocket socket = connected(users.user(), frames, closed);
        socket.sendText("SUBSCRIBE\nid:1\ndestination:/user/queue/errors\n\n\u0000", true).get(10, TimeUnit.SECONDS);
        socket.sendText("SUBSCRIBE\nid:1\ndestination:/user/queue/time\n\n\u0000", true).get(10, TimeUnit.SECONDS);
        assertThat(frames.poll(10, TimeUnit.SECONDS)).startsWith("MESSAGE").contains("live-already-subscribed")
                .contains("id 1");
        socket.sendText("SEND\ndestination:/app/time\n\n{\"clientTime\":1}\u0000", true).get(10, TimeUnit.SECONDS);
        socket.sendText("SEND\ndestination:/app/nowhere\n\n{}\u0000", true).get(10, TimeUnit.SECONDS);
        assertThat(frames.poll(10, TimeUnit.SECONDS)).as("no clock answer: /user/queue/time was not subscribed")
                .startsWith("MESSAGE").contains("live-unknown-destination");
        assertThat(closed).isNotDone();
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    }

    /** {@code socket} is open and answered (a refusal on its error queue); then it is closed. */
    private static void assertServedAndClose(WebSocket socket, BlockingQueue<String> frames,
            CompletableFuture<Integer> closed, String what) throws Exception {
        socket.sendText("SUBSCRIBE\nid:1\ndestination:/user/queue/errors\n\n\u0000", true).get(10, TimeUnit.SECONDS);
        socket.sendText("SEND\ndestination:/app/nowhere\n\n{}\u0000", true).get(10, TimeUnit.SECONDS);
        assertThat(frames.poll(10, TimeUnit.SECONDS)).as(what).startsWith("MESSAGE").contains("live-unknown-destination");
        assertThat(closed).isNotDone();
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    }

    /** A connection CONNECTed with {@code account}'s token, its CONNECTED frame read. */
    private WebSocket connected(TestAccounts.Account account, BlockingQueue<String> frames,
            CompletableFuture<Integer> closed) throws Exception {
        return connected(account, frames, closed, "127.0.0.1");
    }

    private WebSocket connected(TestAccounts.Account account, BlockingQueue<String> frames,
            CompletableFuture<Integer> closed, String client) throws Exception {
        WebSocket socket = open(frames, closed, client);
        socket.sendText("CONNECT\naccept-version:1.2\nhost:localhost\nAuthorization:Bearer " + account.accessToken()
                + "\n\n\u0000", true).get(10, TimeUnit.SECONDS);
        assertThat(frames.poll(10, TimeUnit.SECONDS)).startsWith("CONNECTED");
        return socket;
    }

    private WebSocket open(BlockingQueue<String> frames, CompletableFuture<Integer> closed) throws Exception {
        return open(frames, closed, "127.0.0.1");
    }

    /** A connection from {@code client}, as the trusted proxy (127.0.0.1 in the tests) names it. */
    private WebSocket open(BlockingQueue<String> frames, CompletableFuture<Integer> closed, String client)
            throws Exception {
        return HttpClient.newHttpClient().newWebSocketBuilder().header("X-Forwarded-For", client)
                .buildAsync(URI.create("ws://localhost:" + port + "/ws"), new WebSocket.Listener() {
                    private final StringBuilder text = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        text.append(data);
                        if (last) {
                            frames.add(text.toString());
                            text.setLength(0);
                        }
                        webSocket.request(1);
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                        closed.complete(statusCode);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
    }

    @Test
    void aPlainGetOfTheEndpointIsABadRequestProblem() {
        HttpResponse<String> plain = api.get("/ws");
        JsonNode problem = assertProblem(plain, 400, "bad-request");
        assertThat(problem.path("detail").asString()).contains("WebSocket handshake");
        assertThat(problem.path("title").asString()).as("the catalogue's title").isEqualTo("Bad request");
        assertThat(problem.path("requestId").asString()).isNotBlank();

        HttpResponse<String> post = api.send(api.request("/ws").POST(HttpRequest.BodyPublishers.ofString("x")));
        assertProblem(post, 405, "method-not-allowed");
        assertThat(post.headers().firstValue("Allow").orElseThrow()).as("Spring's header stays").contains("GET");
    }

    @Test
    void aHandshakeFromAForeignOriginIsACorsProblemAndOurOwnOriginIsUpgraded() throws Exception {
        String foreign = handshake("http://evil.example");
        assertThat(foreign).startsWith("HTTP/1.1 403").containsIgnoringCase("Content-Type: application/problem+json")
                .contains("\"title\":\"Origin not allowed\"").contains("/problems/cors-rejected")
                .doesNotContainIgnoringCase("Upgrade: websocket");
        assertThat(handshake("http://localhost:" + port)).startsWith("HTTP/1.1 101");
    }

    /** The handshake by hand: Java's clients may not send an Upgrade header themselves. */
    private String handshake(String origin) throws Exception {
        return handshake(origin, "127.0.0.1");
    }

    private String handshake(String origin, String client) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET /ws HTTP/1.1\r\nHost: localhost:" + port + "\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\nOrigin: " + origin + "\r\nX-Forwarded-For: " + client
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] buffer = new byte[8192];
            int read = socket.getInputStream().read(buffer);
            StringBuilder answer = new StringBuilder(new String(buffer, 0, read, StandardCharsets.UTF_8));
            if (answer.toString().startsWith("HTTP/1.1 4")) { // the body may follow the head
                socket.setSoTimeout(2_000);
                try {
                    while (!answer.toString().contains("}") && (read = socket.getInputStream().read(buffer)) > 0) {
                        answer.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
                    }
                }
                catch (SocketTimeoutException ignored) {
                    // nothing more came
                }
            }
            return answer.toString();
        }
    }
}
