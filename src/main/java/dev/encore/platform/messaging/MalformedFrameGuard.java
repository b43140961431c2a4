package dev.encore.platform.messaging;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.simp.stomp.StompDecoder;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;

/**
 * Answers a WebSocket message that is no STOMP frame (an unknown command, a broken header) with an
 * ERROR frame that says so, and closes the connection (1002, protocol error), before Spring's STOMP
 * handler sees it. That handler logged such a message at ERROR, with a stack trace and the client's
 * bytes verbatim (newlines and NULs included, so a client could write lines of its choosing into the
 * log), and answered with the framework's exception text. A client's broken frame is its mistake:
 * it is logged at DEBUG.
 * <p>
 * Only a message that holds whole frames is checked: one that ends inside a frame (a client may
 * split a large frame over several messages) and those that continue it are left to Spring's
 * buffering decoder, as are heart-beats; what that decoder cannot read is answered with the same
 * ERROR frame ({@link MalformedFrameErrors}).
 */
class MalformedFrameGuard extends WebSocketHandlerDecorator {

    private static final Logger log = LoggerFactory.getLogger(MalformedFrameGuard.class);
    /** The ERROR frame's {@code message}. */
    static final String MESSAGE = "Malformed STOMP frame: see STOMP 1.2 for the frame format and docs/live.md for "
            + "the commands";
    private static final String ERROR_FRAME = "ERROR\nmessage:" + MESSAGE + "\ncontent-length:0\n\n\u0000";

    private final StompDecoder decoder = new StompDecoder();
    /** Connections whose last message ended inside a frame. */
    private final Set<String> midFrame = ConcurrentHashMap.newKeySet();

    MalformedFrameGuard(WebSocketHandler delegate) {
        super(delegate);
    }

    @Override
    public void handleMessage(WebSocketSession session, WebSocketMessage<?> message) throws Exception {
        byte[] bytes = bytes(message);
        if (bytes != null && !wellFormed(session.getId(), bytes)) {
            log.debug("Malformed STOMP frame from connection {}: closing it", session.getId());
            refuse(session);
            return;
        }
        super.handleMessage(session, message);
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus closeStatus) throws Exception {
        midFrame.remove(session.getId());
        super.afterConnectionClosed(session, closeStatus);
    }

    private boolean wellFormed(String sessionId, byte[] bytes) {
        boolean continues = midFrame.contains(sessionId);
        boolean ends = bytes.length == 0 || bytes[bytes.length - 1] == 0 || onlyEndsOfLine(bytes);
        if (!ends) {
            midFrame.add(sessionId);
        }
        else {
            midFrame.remove(sessionId);
        }
        if (continues || !ends) {
            return true; // part of a frame: Spring's decoder puts it together
        }
        try {
            decoder.decode(ByteBuffer.wrap(bytes));
            return true;
        }
        catch (RuntimeException malformed) { // StompConversionException, or an unknown command's name
            return false;
        }
    }

    private static boolean onlyEndsOfLine(byte[] bytes) {
        for (byte b : bytes) {
            if (b != '\n' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    private static byte[] bytes(WebSocketMessage<?> message) {
        if (message instanceof TextMessage text) {
            return text.getPayload().getBytes(StandardCharsets.UTF_8);
        }
        if (message instanceof BinaryMessage binary) {
            ByteBuffer payload = binary.getPayload().asReadOnlyBuffer();
            byte[] bytes = new byte[payload.remaining()];
            payload.get(bytes);
            return bytes;
        }
        return null; // pings and pongs
    }

    /**
     * Sends the ERROR frame and closes, through the connection as Spring's STOMP handler writes to it:
     * a message to the client may be being written at this moment.
     */
    private void refuse(WebSocketSession connection) {
        WebSocketSession session = getLastHandler() instanceof ErrorFrameFirstWebSocketHandler stomp
                ? stomp.writer(connection)
                : connection;
        try {
            session.sendMessage(new TextMessage(ERROR_FRAME));
        }
        catch (Exception unsent) {
            log.debug("Could not send the ERROR frame to {}: {}", session.getId(), unsent.toString());
        }
        try {
            session.close(CloseStatus.PROTOCOL_ERROR);
        }
        catch (Exception closing) {
            log.debug("Could not close connection {}: {}", session.getId(), closing.toString());
        }
    }
}
