package dev.encore.platform.messaging;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.util.MimeTypeUtils;

/**
 * Tells one STOMP connection that a frame of it was refused, with a message on its
 * {@code /user/queue/errors}: {@code {"type", "title", "detail", "destination", "receipt"}}. The
 * connection stays open; the user's other connections hear nothing.
 */
class StompErrorReplies {

    static final String QUEUE = "/queue/errors";

    private final ObjectProvider<SimpMessagingTemplate> stomp;

    StompErrorReplies(ObjectProvider<SimpMessagingTemplate> stomp) {
        this.stomp = stomp;
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
