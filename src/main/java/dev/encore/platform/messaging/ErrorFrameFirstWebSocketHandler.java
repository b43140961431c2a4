package dev.encore.platform.messaging;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.SubscribableChannel;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.messaging.SubProtocolWebSocketHandler;

/**
 * Spring's STOMP handler, whose connections write an ERROR frame before they close
 * ({@link ErrorFrameFirstSession}), and which hands out the connection it writes to ({@link #writer}).
 */
final class ErrorFrameFirstWebSocketHandler extends SubProtocolWebSocketHandler {

    /**
     * The connections as this handler writes to them, by id, from their start to their end (Spring's
     * own map of them is private and hands them out to no one).
     */
    private final Map<String, WebSocketSession> writers = new ConcurrentHashMap<>();

    ErrorFrameFirstWebSocketHandler(MessageChannel clientInboundChannel, SubscribableChannel clientOutboundChannel) {
        super(clientInboundChannel, clientOutboundChannel);
    }

    @Override
    protected WebSocketSession decorateSession(WebSocketSession session) {
        WebSocketSession writer = ErrorFrameFirstSession.of(session, getSendTimeLimit(), getSendBufferSizeLimit());
        writers.put(session.getId(), writer);
        return writer;
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus closeStatus) throws Exception {
        writers.remove(session.getId());
        super.afterConnectionClosed(session, closeStatus);
    }

    /**
     * The connection as this handler writes to it: whatever else writes to the connection goes through
     * this, in turn with the messages the handler is writing (two writes at once on the connection
     * itself fail, and one of them is lost). The connection itself before its start and after its end.
     */
    WebSocketSession writer(WebSocketSession session) {
        return writers.getOrDefault(session.getId(), session);
    }
}
