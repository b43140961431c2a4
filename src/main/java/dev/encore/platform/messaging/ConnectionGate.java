package dev.encore.platform.messaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;
import org.springframework.web.socket.server.HandshakeInterceptor;

import dev.encore.platform.CappedCounts;
import dev.encore.platform.ClientKeys;
import dev.encore.platform.Problems;
import dev.encore.platform.web.ProblemWriter;

/**
 * Bounds the WebSocket connections that have not (yet) authenticated, which {@link ConnectionLimits}
 * cannot see: it counts per user, from the STOMP CONNECT on. 1,000 connections that sent 4 bytes of a
 * CONNECT each were held for good, at some 200 KB of heap apiece, and ran a 256 MB node out of memory.
 * So:
 * <ul>
 * <li>a node holds at most {@code encore.live.max-connections} WebSocket connections (500), whoever
 * opens them: past them a handshake is refused with a 503 {@code live-connections-full} problem, so
 * that many addresses together cannot run a small node out of memory either;
 * <li>one client address (behind a trusted proxy, the client it names, as everywhere; an IPv6 address
 * with the rest of its /64, {@link ClientKeys}) holds at most
 * {@code encore.live.max-connections-per-address} WebSocket connections (64) on a node, authenticated
 * or not: the handshake past them is refused with a 429 {@code too-many-connections} problem;
 * <li>a connection that has not completed a STOMP CONNECT {@code encore.live.connect-timeout} (10 s)
 * after its handshake is closed (1008, policy violation), checked on a scheduler whether the client
 * sends anything or not.
 * </ul>
 */
final class ConnectionGate implements HandshakeInterceptor {

    private static final Logger log = LoggerFactory.getLogger(ConnectionGate.class);
    /** The {@link Place} a handshake took: a request attribute, then a WebSocket session attribute. */
    private static final String PLACE = ConnectionGate.class.getName() + ".place";

    private final CappedCounts<String> perAddress;
    private final int maxConnections;
    private final AtomicInteger open = new AtomicInteger();
    private final ProblemWriter problems;
    private final TaskScheduler scheduler;
    private final Duration connectTimeout;
    private final Predicate<String> connected;

    /**
     * @param connected whether the STOMP session (the WebSocket session's id) has been CONNECTed with a
     *                  valid token
     */
    ConnectionGate(int maxConnections, int perAddress, Duration connectTimeout, ProblemWriter problems,
            TaskScheduler scheduler, Predicate<String> connected) {
        this.maxConnections = maxConnections;
        this.perAddress = new CappedCounts<>(perAddress);
        this.connectTimeout = connectTimeout;
        this.problems = problems;
        this.scheduler = scheduler;
        this.connected = connected;
    }

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
            Map<String, Object> attributes) {
        if (!(request instanceof ServletServerHttpRequest servlet)
                || !(response instanceof ServletServerHttpResponse servletResponse)) {
            return true;
        }
        HttpServletRequest http = servlet.getServletRequest();
        // ClientAddressFilter's address (the forwarded client behind a trusted proxy), an IPv6 one by its /64
        String address = ClientKeys.of(http.getRemoteAddr());
        if (open.incrementAndGet() > maxConnections) {
            open.decrementAndGet();
            log.warn("WebSocket handshake refused: this node holds encore.live.max-connections ({}) connections",
                    maxConnections);
            refuse(http, servletResponse, Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "live-connections-full",
                    "Live connections full", "This server holds as many live connections as it takes: try again "
                            + "in a little while."));
            return false;
        }
        if (!perAddress.take(address)) {
            open.decrementAndGet();
            log.debug("WebSocket handshake from {} refused: {} connections open", address, perAddress.cap());
            refuse(http, servletResponse, Problems.of(HttpStatus.TOO_MANY_REQUESTS, "too-many-connections",
                    "Too many connections", "Your address holds " + perAddress.cap()
                            + " WebSocket connections to this server already: close one before you open another."));
            return false;
        }
        Place place = new Place(address);
        http.setAttribute(PLACE, place);
        attributes.put(PLACE, place);
        return true;
    }

    private void refuse(HttpServletRequest http, ServletServerHttpResponse response, ProblemDetail problem) {
        try {
            response.getServletResponse().setHeader(HttpHeaders.RETRY_AFTER, "30");
            problems.write(http, response.getServletResponse(), problem);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** A handshake refused after the place was taken (a foreign origin, no upgrade at all) gives it back. */
    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
            Exception exception) {
        if (request instanceof ServletServerHttpRequest servlet
                && servlet.getServletRequest().getAttribute(PLACE) instanceof Place place
                && (exception != null || !(response instanceof ServletServerHttpResponse servletResponse)
                        || servletResponse.getServletResponse().getStatus() != HttpStatus.SWITCHING_PROTOCOLS.value())) {
            place.giveBack();
        }
    }

    /** Wraps the STOMP handler: starts each connection's CONNECT deadline, gives its place back when it ends. */
    WebSocketHandler decorate(WebSocketHandler handler) {
        return new WebSocketHandlerDecorator(handler) {

            @Override
            public void afterConnectionEstablished(WebSocketSession session) throws Exception {
                scheduler.schedule(() -> closeUnconnected(session), Instant.now().plus(connectTimeout));
                super.afterConnectionEstablished(session);
            }

            @Override
            public void afterConnectionClosed(WebSocketSession session, CloseStatus closeStatus) throws Exception {
                try {
                    super.afterConnectionClosed(session, closeStatus);
                }
                finally {
                    if (session.getAttributes().get(PLACE) instanceof Place place) {
                        place.giveBack();
                    }
                }
            }
        };
    }

    private void closeUnconnected(WebSocketSession session) {
        if (!session.isOpen() || connected.test(session.getId())) {
            return;
        }
        log.debug("Connection {} sent no valid STOMP CONNECT within {}: closing it", session.getId(), connectTimeout);
        try {
            session.close(CloseStatus.POLICY_VIOLATION.withReason("No STOMP CONNECT within "
                    + connectTimeout.toSeconds() + " s"));
        }
        catch (IOException | RuntimeException closing) {
            log.debug("Could not close connection {}: {}", session.getId(), closing.toString());
        }
    }

    /** One connection's place in its address's count, given back once. */
    private final class Place {

        private final String address;
        private final AtomicBoolean given = new AtomicBoolean();

        private Place(String address) {
            this.address = address;
        }

        void giveBack() {
            if (given.compareAndSet(false, true)) {
                perAddress.giveBack(address);
                open.decrementAndGet();
            }
        }
    }
}
