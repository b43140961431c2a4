package dev.encore.platform.messaging;

import static dev.encore.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

import dev.encore.support.IntegrationTest;

/**
 * A STOMP CONNECT without a valid access token is refused the way STOMP refuses: an ERROR frame
 * that says why, then the server closes the connection (an unauthenticated client holds no socket).
 */
@ExtendWith(OutputCaptureExtension.class)
class StompConnectIT extends IntegrationTest {

    @ParameterizedTest
    @ValueSource(strings = { "", "Authorization:Bearer not-a-token\n", "Authorization:Basic dXNlcjpwYXNz\n" })
    void aConnectWithoutAValidTokenIsAnsweredWithAnErrorFrameAndTheConnectionCloses(String authorization,
            CapturedOutput output) throws Exception {
        BlockingQueue<String> frames = new LinkedBlockingQueue<>();
        CompletableFuture<Integer> closed = new CompletableFuture<>();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
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
        socket.sendText("CONNECT\naccept-version:1.2\nhost:localhost\n" + authorization + "\n\u0000", true)
                .get(10, TimeUnit.SECONDS);

        String frame = frames.poll(10, TimeUnit.SECONDS);
        assertThat(frame).as("an answer to the CONNECT").isNotNull();
        assertThat(frame).startsWith("ERROR\n").doesNotContain("Exception").doesNotContain("at dev.encore");
        assertThat(frame).containsIgnoringCase("access token");
        assertThat(closed.get(10, TimeUnit.SECONDS)).as("the server closes the connection").isNotNull();
        assertThat(output.getAll()).as("a client's mistake, not the server's").doesNotContain("\"log.level\":\"ERROR\"");
    }

    @Test
    void aPlainGetOfTheEndpointIsABadRequestProblem() {
        HttpResponse<String> plain = api.get("/ws");
        JsonNode problem = assertProblem(plain, 400, "bad-request");
        assertThat(problem.path("detail").asString()).contains("WebSocket handshake");
        assertThat(problem.path("requestId").asString()).isNotBlank();

        HttpResponse<String> post = api.send(api.request("/ws").POST(HttpRequest.BodyPublishers.ofString("x")));
        assertProblem(post, 405, "method-not-allowed");
        assertThat(post.headers().firstValue("Allow").orElseThrow()).as("Spring's header stays").contains("GET");
    }
}
