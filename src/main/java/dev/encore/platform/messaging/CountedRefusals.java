package dev.encore.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.messaging.support.NativeMessageHeaderAccessor;

/**
 * Counts every refusal a connection is answered, on its way out: whatever refused the frame, the
 * answer is a message on that connection's {@code /user/queue/errors} ({@link InboundFrameGuard}'s
 * refusals, and those of the commands' handlers: {@code live-forbidden}, {@code live-bad-payload},
 * {@code live-not-host} …). Counted at the guard only, 20,000 SENDs refused by a handler were all
 * answered. The refusal past {@link ConnectionLimits#REFUSALS_PER_CONNECTION} is not delivered: the
 * connection gets an ERROR frame instead and is closed (Spring closes a connection after its ERROR
 * frame), its frames still queued are dropped, and so are the answers to those being handled.
 */
class CountedRefusals implements ChannelInterceptor {

    static final String REASON = "More than " + ConnectionLimits.REFUSALS_PER_CONNECTION
            + " refused frames on one connection";
    private static final String ERRORS = "/user" + StompErrorReplies.QUEUE;
    /** The refusal's headers that describe a MESSAGE, not the connection: left off the ERROR. */
    private static final Set<String> MESSAGE_HEADERS = Set.of(MessageHeaders.ID, MessageHeaders.TIMESTAMP,
            MessageHeaders.CONTENT_TYPE, SimpMessageHeaderAccessor.MESSAGE_TYPE_HEADER,
            SimpMessageHeaderAccessor.DESTINATION_HEADER, SimpMessageHeaderAccessor.SUBSCRIPTION_ID_HEADER,
            NativeMessageHeaderAccessor.NATIVE_HEADERS);

    private static final List<String> NOT_REFUSALS = List.of("{\"type\":\"live-error\"",
            "{\"type\":\"live-access-ended\"");

    private final ConnectionLimits limits;
    private final RevokedConnections connections;

    CountedRefusals(ConnectionLimits limits, RevokedConnections connections) {
        this.limits = limits;
        this.connections = connections;
    }

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        if (SimpMessageHeaderAccessor.getMessageType(message.getHeaders()) != SimpMessageType.MESSAGE
                // a user destination's message carries the destination the client subscribed to
                || !ERRORS.equals(NativeMessageHeaderAccessor.getFirstNativeHeader(
                        SimpMessageHeaderAccessor.ORIGINAL_DESTINATION, message.getHeaders()))) {
            return message;
        }
        String sessionId = SimpMessageHeaderAccessor.getSessionId(message.getHeaders());
        if (!limits.open(sessionId)) {
            return null; // the answer to a frame handled while its connection was being closed
        }
        if (notTheClientsFault(message) || !limits.refused(sessionId)) {
            return message;
        }
        connections.disconnected(sessionId);
        limits.disconnected(sessionId);
        return error(message);
    }

    /**
     * Answers on the errors queue that blame no frame of the client's: a command that failed on the
     * server ({@code live-error}) and a subscription ended because access was lost
     * ({@code live-access-ended}). Both senders write the problem's {@code type} first.
     */
    private static boolean notTheClientsFault(Message<?> message) {
        if (!(message.getPayload() instanceof byte[] payload)) {
            return false;
        }
        String start = new String(payload, 0, Math.min(payload.length, 40), StandardCharsets.UTF_8);
        return NOT_REFUSALS.stream().anyMatch(start::startsWith);
    }

    /**
     * The ERROR frame that ends the connection, in the refusal's place: sent apart, it could overtake
     * the refusals before it, or be lost when the connection closed while one of them was being written.
     * Spring's own headers (the session, the one that hands on the connection's next message) stay.
     */
    private static Message<byte[]> error(Message<?> refusal) {
        StompHeaderAccessor error = StompHeaderAccessor.create(StompCommand.ERROR);
        error.setMessage(REASON);
        refusal.getHeaders().forEach((name, value) -> {
            if (!MESSAGE_HEADERS.contains(name) && error.getHeader(name) == null) {
                error.setHeader(name, value);
            }
        });
        return MessageBuilder.createMessage(REASON.getBytes(StandardCharsets.UTF_8), error.getMessageHeaders());
    }
}
