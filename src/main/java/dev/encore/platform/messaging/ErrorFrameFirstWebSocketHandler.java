package dev.encore.platform.messaging;

import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.SubscribableChannel;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.messaging.SubProtocolWebSocketHandler;

/** Spring's STOMP handler, whose connections write an ERROR frame before they close ({@link ErrorFrameFirstSession}). */
final class ErrorFrameFirstWebSocketHandler extends SubProtocolWebSocketHandler {

    ErrorFrameFirstWebSocketHandler(MessageChannel clientInboundChannel, SubscribableChannel clientOutboundChannel) {
        super(clientInboundChannel, clientOutboundChannel);
    }

    @Override
    protected WebSocketSession decorateSession(WebSocketSession session) {
        return ErrorFrameFirstSession.of(session, getSendTimeLimit(), getSendBufferSizeLimit());
    }
}
