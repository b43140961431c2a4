package dev.encore.platform.messaging;

import org.springframework.messaging.Message;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.web.socket.messaging.StompSubProtocolErrorHandler;

/**
 * The ERROR frame for a frame Spring's STOMP decoder could not read, which {@link MalformedFrameGuard}
 * leaves to it: the continuation of a frame split over several WebSocket messages, or a message that
 * ends a frame and begins another that the next message completes. Spring answered those with the
 * exception's text ("No enum constant org.springframework.messaging.simp.stomp.StompCommand.…",
 * with the client's bytes in it, NULs included, which broke the ERROR frame itself); they get the
 * same ERROR as a malformed whole message (the connection is then closed, 1002). Other errors (a
 * frame with a client message) are answered as before.
 */
class MalformedFrameErrors extends StompSubProtocolErrorHandler {

    @Override
    public Message<byte[]> handleClientMessageProcessingError(Message<byte[]> clientMessage, Throwable ex) {
        if (clientMessage != null) {
            return super.handleClientMessageProcessingError(clientMessage, ex);
        }
        StompHeaderAccessor error = StompHeaderAccessor.create(StompCommand.ERROR);
        error.setMessage(MalformedFrameGuard.MESSAGE);
        error.setLeaveMutable(true);
        return MessageBuilder.createMessage(new byte[0], error.getMessageHeaders());
    }
}
