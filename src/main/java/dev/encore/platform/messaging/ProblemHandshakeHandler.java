package dev.encore.platform.messaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeHandler;
import org.springframework.web.socket.server.support.DefaultHandshakeHandler;

import dev.encore.platform.web.ProblemWriter;

/**
 * Answers a request to {@code /ws} that is no WebSocket handshake with a problem, as every other
 * error: Spring's handler refuses it itself (a GET without {@code Upgrade: websocket}, say) with a
 * plain-text sentence or no body at all. The status and the headers it set (for instance
 * {@code Allow}, {@code Sec-WebSocket-Version}, straight on the servlet response) stay; the sentence
 * goes, with the rest of the unwritten body.
 */
class ProblemHandshakeHandler implements HandshakeHandler {

    private static final String HOW = "This is the STOMP WebSocket endpoint: open it with a WebSocket handshake "
            + "(GET with Upgrade: websocket, Connection: Upgrade, Sec-WebSocket-Key and Sec-WebSocket-Version: 13).";

    /** Spring's, wrapped: its {@code doHandshake} is final, the refusals it writes are inline. */
    private final HandshakeHandler handshakes = new DefaultHandshakeHandler();
    private final ProblemWriter problems;

    ProblemHandshakeHandler(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public boolean doHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
            Map<String, Object> attributes) {
        boolean upgraded = handshakes.doHandshake(request, response, handler, attributes);
        if (!upgraded && request instanceof ServletServerHttpRequest servletRequest
                && response instanceof ServletServerHttpResponse servletResponse
                && servletResponse.getServletResponse().getStatus() >= 400) {
            refuse(servletRequest.getServletRequest(), servletResponse.getServletResponse());
        }
        return upgraded;
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) {
        try { // the writer gives the status its usual type and title
            problems.write(request, response,
                    ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(response.getStatus()), HOW));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
