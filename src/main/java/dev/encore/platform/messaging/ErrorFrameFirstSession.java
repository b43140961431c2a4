package dev.encore.platform.messaging;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.SessionLimitExceededException;
import org.springframework.web.socket.handler.WebSocketSessionDecorator;

/**
 * A connection as Spring's STOMP handler writes to it, which writes an ERROR frame before it closes.
 * <p>
 * Spring closes a connection right after handing it an ERROR frame. With the messages to a client
 * kept in order, the handler hands on a connection's next message as soon as the one before it is
 * buffered, not written; when another thread was still writing that one, the ERROR waited in
 * {@link ConcurrentWebSocketSessionDecorator}'s buffer and the close dropped it: the client saw its
 * connection end with no word why ({@code StompConnectIT}, under the load of a full CI run). Here a
 * close waits, at most {@link #WRITE_LIMIT}, for the ERROR frame to be written; a close with none
 * pending, or for a client that stopped reading (a send limit passed, or
 * {@link CloseStatus#SESSION_NOT_RELIABLE}), does not wait. Nothing handed in after an ERROR frame
 * is written: STOMP ends the connection there.
 */
final class ErrorFrameFirstSession extends ConcurrentWebSocketSessionDecorator {

    /** How long a close waits for its ERROR frame: a client that reads takes milliseconds. */
    static final Duration WRITE_LIMIT = Duration.ofSeconds(2);
    private static final String ERROR_COMMAND = "ERROR\n";

    private final ErrorWrites writes;
    private volatile boolean errorHandedIn;
    /** A send limit was passed: the buffer is written no more, so nothing is worth waiting for. */
    private volatile boolean stalled;

    private ErrorFrameFirstSession(ErrorWrites writes, int sendTimeLimit, int bufferSizeLimit) {
        super(writes, sendTimeLimit, bufferSizeLimit);
        this.writes = writes;
    }

    static ErrorFrameFirstSession of(WebSocketSession session, int sendTimeLimit, int bufferSizeLimit) {
        return new ErrorFrameFirstSession(new ErrorWrites(session), sendTimeLimit, bufferSizeLimit);
    }

    @Override
    public void sendMessage(WebSocketMessage<?> message) throws IOException {
        if (errorHandedIn) {
            return;
        }
        if (isError(message)) {
            errorHandedIn = true;
        }
        try {
            super.sendMessage(message);
        } catch (SessionLimitExceededException limitPassed) {
            stalled = true;
            throw limitPassed;
        }
    }

    @Override
    public void close(CloseStatus status) throws IOException {
        if (errorHandedIn && !CloseStatus.SESSION_NOT_RELIABLE.equals(status)) {
            writes.awaitError(WRITE_LIMIT, () -> stalled);
        }
        super.close(status);
    }

    /** STOMP frames are text; Spring writes a frame as binary only for an {@code application/octet-stream} body. */
    private static boolean isError(WebSocketMessage<?> message) {
        return message instanceof TextMessage text && text.getPayload().startsWith(ERROR_COMMAND);
    }

    /** The connection itself, noting when an ERROR frame has been written to it. */
    private static final class ErrorWrites extends WebSocketSessionDecorator {

        private static final long STALL_CHECK_MS = 50;

        private final CountDownLatch errorWritten = new CountDownLatch(1);
        /** The thread writing now: a close on it must not wait for itself. */
        private volatile Thread writer;

        ErrorWrites(WebSocketSession session) {
            super(session);
        }

        @Override
        public void sendMessage(WebSocketMessage<?> message) throws IOException {
            writer = Thread.currentThread();
            try {
                super.sendMessage(message);
            } finally {
                writer = null;
                if (isError(message)) {
                    errorWritten.countDown(); // written, or failed for good: either way nothing to wait for
                }
            }
        }

        /** Waits until the ERROR frame is written, at most {@code limit}, and no longer once {@code stalled}. */
        void awaitError(Duration limit, BooleanSupplier stalled) {
            if (writer == Thread.currentThread()) {
                return;
            }
            long deadline = System.nanoTime() + limit.toNanos();
            try {
                while (isOpen() && !stalled.getAsBoolean() && System.nanoTime() < deadline
                        && !errorWritten.await(STALL_CHECK_MS, TimeUnit.MILLISECONDS)) {
                    // a send limit passed on another thread meanwhile ends the wait at the next check
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
