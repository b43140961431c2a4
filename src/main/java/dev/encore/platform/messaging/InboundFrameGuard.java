package dev.encore.platform.messaging;

import java.security.Principal;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageHandler;
import org.springframework.messaging.simp.annotation.support.SimpAnnotationMethodMessageHandler;
import org.springframework.messaging.simp.broker.AbstractBrokerMessageHandler;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ExecutorChannelInterceptor;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import dev.encore.platform.TopicSubscribed;
import dev.encore.platform.TopicUnsubscribed;
import dev.encore.platform.spi.TopicGuard;

/**
 * Checks every inbound STOMP frame. CONNECT needs a valid access token: without one the client is
 * answered with an ERROR frame that says why and the connection is closed, as STOMP refuses (a
 * thrown exception would only reach the log: frames are handed on in order on another thread). A
 * connected client may subscribe to its own {@code /user/queue/**} and to the {@code /topic/**}
 * destinations a {@link TopicGuard} lets it, and may SEND only to {@code /app/**} destinations that
 * some handler maps. Any other SUBSCRIBE or SEND is dropped and answered on the
 * connection's {@code /user/queue/errors}; the connection stays open. A connection whose token has been
 * revoked since it connected is ended at its next frame ({@link RevokedConnections}). What one user's
 * connections may hold and how often they may be refused is bounded ({@link ConnectionLimits}). Once the broker
 * has registered a {@code /topic/**} subscription, {@link TopicSubscribed} is published.
 */
class InboundFrameGuard implements ExecutorChannelInterceptor {

    private static final Logger log = LoggerFactory.getLogger(InboundFrameGuard.class);
    private static final String APP = "/app";
    /** The destinations of topics: {@code /topic/<topic>}. */
    static final String TOPICS = "/topic/";

    private final JwtDecoder jwtDecoder;
    private final ObjectProvider<TopicGuard> guards;
    private final ObjectProvider<SimpAnnotationMethodMessageHandler> handlers;
    private final StompErrorReplies errors;
    private final ApplicationEventPublisher events;
    private final RevokedConnections connections;
    private final ConnectionLimits limits;
    private volatile List<String> appPatterns;

    InboundFrameGuard(JwtDecoder jwtDecoder, ObjectProvider<TopicGuard> guards,
            ObjectProvider<SimpAnnotationMethodMessageHandler> handlers, StompErrorReplies errors,
            ApplicationEventPublisher events, RevokedConnections connections, ConnectionLimits limits) {
        this.jwtDecoder = jwtDecoder;
        this.guards = guards;
        this.handlers = handlers;
        this.errors = errors;
        this.events = events;
        this.connections = connections;
        this.limits = limits;
    }

    @Override
    public void afterMessageHandled(Message<?> message, MessageChannel channel, MessageHandler handler, Exception ex) {
        if (ex != null || !(handler instanceof AbstractBrokerMessageHandler)) {
            return;
        }
        StompHeaderAccessor stomp = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
        String topic = stomp == null ? null : topic(stomp.getDestination());
        if (topic == null || stomp.getCommand() != StompCommand.SUBSCRIBE || stomp.getUser() == null) {
            return;
        }
        try {
            events.publishEvent(new TopicSubscribed(UUID.fromString(stomp.getUser().getName()), stomp.getSessionId(),
                    stomp.getSubscriptionId(), topic));
        }
        catch (RuntimeException failure) {
            log.warn("A listener of the subscription to {} failed", stomp.getDestination(), failure);
        }
    }

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        StompHeaderAccessor stomp = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
        if (stomp == null || stomp.getCommand() == null) {
            return message;
        }
        StompCommand command = stomp.getCommand();
        if (command == StompCommand.CONNECT) {
            String refusal = authenticate(stomp);
            if (refusal == null && !limits.connect(stomp.getSessionId(), stomp.getUser().getName())) {
                connections.disconnected(stomp.getSessionId());
                refusal = "You have " + ConnectionLimits.CONNECTIONS_PER_USER + " live connections open on this "
                        + "server: close one before you open another";
            }
            if (refusal != null) {
                errors.reject(stomp, refusal);
                return null;
            }
            return message;
        }
        if (command == StompCommand.DISCONNECT) { // the client's, and the one Spring sends when a connection ends
            connections.disconnected(stomp.getSessionId());
            limits.disconnected(stomp.getSessionId());
            return message;
        }
        if ((command == StompCommand.SUBSCRIBE || command == StompCommand.SEND) && stomp.getUser() == null) {
            errors.reject(stomp, "Not connected: send CONNECT with an Authorization: Bearer <access token> header first");
            return null;
        }
        if ((command == StompCommand.SUBSCRIBE || command == StompCommand.SEND || command == StompCommand.UNSUBSCRIBE)
                && !limits.open(stomp.getSessionId())) {
            return null; // queued behind the end of its connection (or a connection refused at CONNECT)
        }
        if (command == StompCommand.UNSUBSCRIBE) {
            unsubscribed(stomp.getSessionId(), stomp.getSubscriptionId());
            return message;
        }
        if ((command == StompCommand.SUBSCRIBE || command == StompCommand.SEND)
                && connections.revoked(stomp.getSessionId())) {
            close(stomp, RevokedConnections.REASON);
            return null;
        }
        if (command == StompCommand.SUBSCRIBE) {
            return subscribe(stomp, message);
        }
        if (command == StompCommand.SEND) {
            return send(stomp, message);
        }
        return message;
    }

    /**
     * Ends the subscription where it is held and tells of it now, in the order the client's frames
     * were read (Spring's own unsubscribe event does not name the destination).
     */
    private void unsubscribed(String session, String subscriptionId) {
        String destination = limits.unsubscribe(session, subscriptionId);
        String topic = topic(destination);
        if (topic == null) {
            return;
        }
        try {
            events.publishEvent(new TopicUnsubscribed(session, subscriptionId, topic));
        }
        catch (RuntimeException failure) {
            log.warn("A listener of the end of the subscription to {} failed", destination, failure);
        }
    }

    /** The topic below {@code /topic/}, or null for a destination that is no topic's. */
    private static String topic(String destination) {
        return destination != null && destination.startsWith(TOPICS) ? destination.substring(TOPICS.length()) : null;
    }

    private Message<?> subscribe(StompHeaderAccessor stomp, Message<?> message) {
        String destination = stomp.getDestination();
        boolean allowed = destination != null && destination.startsWith("/user/queue/") && !destination.contains("..");
        String topic = topic(destination);
        if (!allowed && topic != null) {
            if (!mayReceive(stomp.getUser(), topic)) {
                refuse(stomp, "live-forbidden", "Forbidden", "You may not subscribe to " + destination + ".");
                return null;
            }
            allowed = true;
        }
        if (!allowed) {
            refuse(stomp, "live-unknown-destination", "Unknown destination",
                    "Subscriptions are limited to /user/queue/** and the /topic/** destinations you may see.");
            return null;
        }
        return switch (limits.subscribe(stomp.getSessionId(), stomp.getSubscriptionId(), destination)) {
            case TAKEN -> message;
            case DUPLICATE -> {
                refuse(stomp, "live-already-subscribed", "Already subscribed", "This connection is subscribed to "
                        + destination + " already; UNSUBSCRIBE first to subscribe again.");
                yield null;
            }
            case ID_TAKEN -> {
                refuse(stomp, "live-already-subscribed", "Already subscribed", "This connection has a subscription "
                        + "with id " + stomp.getSubscriptionId() + " already; choose another id, or UNSUBSCRIBE it "
                        + "first.");
                yield null;
            }
            case TOO_MANY -> {
                close(stomp, "More than " + ConnectionLimits.SUBSCRIPTIONS_PER_CONNECTION
                        + " subscriptions on one connection");
                yield null;
            }
        };
    }

    /**
     * Refuses the frame on the connection's error queue; the answer is counted on its way out
     * ({@link CountedRefusals}), and a connection refused too often is closed.
     */
    private void refuse(StompHeaderAccessor stomp, String type, String title, String detail) {
        errors.refuse(stomp, type, title, detail);
    }

    /** Ends the connection with an ERROR frame; the frames it still has queued are dropped. */
    private void close(StompHeaderAccessor stomp, String reason) {
        connections.disconnected(stomp.getSessionId());
        limits.disconnected(stomp.getSessionId());
        errors.reject(stomp, reason);
    }

    private Message<?> send(StompHeaderAccessor stomp, Message<?> message) {
        String destination = stomp.getDestination();
        if (destination != null && destination.startsWith(APP + "/") && mapped(destination.substring(APP.length()))) {
            return message;
        }
        refuse(stomp, "live-unknown-destination", "Unknown destination",
                "Nothing answers SEND to " + destination + "; see docs/live.md for the destinations.");
        return null;
    }

    private boolean mayReceive(Principal user, String topic) {
        UUID userId;
        try {
            userId = UUID.fromString(user.getName());
        }
        catch (IllegalArgumentException ex) {
            return false;
        }
        for (TopicGuard guard : guards) {
            try {
                if (guard.supports(topic)) {
                    return guard.maySubscribe(userId, topic);
                }
            }
            catch (RuntimeException ex) {
                log.warn("A topic guard failed on {}; the subscription is refused", topic, ex);
                return false;
            }
        }
        return false;
    }

    private boolean mapped(String lookup) {
        List<String> patterns = appPatterns;
        if (patterns == null) {
            SimpAnnotationMethodMessageHandler handler = handlers.getIfAvailable();
            patterns = handler == null ? List.of() : handler.getHandlerMethods().keySet().stream()
                    .flatMap(info -> info.getDestinationConditions().getPatterns().stream()).toList();
            appPatterns = patterns;
        }
        SimpAnnotationMethodMessageHandler handler = handlers.getIfAvailable();
        return handler != null && patterns.stream().anyMatch(pattern -> handler.getPathMatcher().match(pattern, lookup));
    }

    /** Sets the connection's user from the CONNECT's access token; answers why not when it cannot. */
    private String authenticate(StompHeaderAccessor stomp) {
        String authorization = stomp.getFirstNativeHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return "CONNECT needs an Authorization: Bearer <access token> header";
        }
        try {
            Jwt jwt = jwtDecoder.decode(authorization.substring(7).trim());
            String subject = jwt.getSubject();
            stomp.setUser(() -> subject);
            connections.connected(stomp.getSessionId(), jwt);
            return null;
        }
        catch (JwtException ex) {
            return "The access token is invalid, expired or revoked";
        }
    }
}
