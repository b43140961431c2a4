package dev.encore.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.util.MimeTypeUtils;

/**
 * Tells one STOMP connection that a frame of it was refused, with a message on its
 * {@code /user/queue/errors}: {@code {"type", "title", "detail", "destination", "receipt"}}. The
 * connection stays open; the user's other connections hear nothing. A connection that has no user
 * (no valid CONNECT) is rejected instead: an ERROR frame, after which Spring closes it.
 */
class StompErrorReplies {

    static final String QUEUE = "/queue/errors";

    private final ObjectProvider<SimpMessagingTemplate> stomp;
    private final ObjectProvider<MessageChannel> clientOutbound;

    StompErrorReplies(ObjectProvider<SimpMessagingTemplate> stomp, ObjectProvider<MessageChannel> clientOutbound) {
        this.stomp = stomp;
        this.clientOutbound = clientOutbound;
    }

    /** Answers the frame's connection with an ERROR frame carrying {@code reason}; the connection then closes. */
    void reject(StompHeaderAccessor frame, String reason) {
        if (frame.getSessionId() != null) {
            sendError(frame.getSessionId(), frame.getReceipt(), reason);
        }
    }

    /** Ends the connection {@code sessionId} with an ERROR frame carrying {@code reason}. */
    void close(String sessionId, String reason) {
        sendError(sessionId, null, reason);
    }

    private void sendError(String sessionId, String receipt, String reason) {
        StompHeaderAccessor error = StompHeaderAccessor.create(StompCommand.ERROR);
        error.setMessage(reason);
        error.setSessionId(sessionId);
        if (receipt != null) {
            error.setReceiptId(receipt);
        }
        clientOutbound.getObject().send(MessageBuilder.createMessage(reason.getBytes(StandardCharsets.UTF_8),
                error.getMessageHeaders()));
    }

    void refuse(StompHeaderAccessor frame, String type, String title, String detail) {
        if (frame.getUser() == null || frame.getSessionId() == null) {
            return;
        }
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("type", type);
        error.put("title", title);
        error.put("detail", detail);
        error.put("destination", frame.getDestination());
        error.put("receipt", frame.getReceipt());
        SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
        // with the session id the user destination resolves to this connection only
        headers.setSessionId(frame.getSessionId());
        headers.setContentType(MimeTypeUtils.APPLICATION_JSON);
        headers.setLeaveMutable(true);
        stomp.getObject().convertAndSendToUser(frame.getUser().getName(), QUEUE, error, headers.getMessageHeaders());
    }
}
