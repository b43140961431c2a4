package dev.encore.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.support.ExecutorSubscribableChannel;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.SessionLimitExceededException;
import org.springframework.web.socket.messaging.StompSubProtocolHandler;

/**
 * A connection's ERROR frame is written before the close that follows it, also when another thread
 * is still writing the message before it (the race that lost it: Spring hands on a connection's next
 * message once the one before it is buffered).
 */
class ErrorFrameFirstSessionTests {

    private static final TextMessage MESSAGE = new TextMessage("MESSAGE\ndestination:/user/queue/errors\n\n{}\u0000");
    private static final TextMessage ERROR = new TextMessage("ERROR\nmessage:More than 64 refused frames\n\n\u0000");

    /** What reached the connection, in order: the frames' commands and "close <code>". */
    private final List<String> wire = new CopyOnWriteArrayList<>();
    private final CountDownLatch firstWriteMayEnd = new CountDownLatch(1);
    private final CountDownLatch firstWriteStarted = new CountDownLatch(1);
    private final ErrorFrameFirstSession session = ErrorFrameFirstSession.of(connection(), 10_000, 1024 * 1024);

    @AfterEach
    void release() {
        firstWriteMayEnd.countDown();
    }

    @Test
    void anErrorFrameHandedInWhileAnotherMessageIsBeingWrittenIsWrittenBeforeTheClose() throws Exception {
        CompletableFuture<Void> writing = writing(session, MESSAGE);
        assertThat(firstWriteStarted.await(5, TimeUnit.SECONDS)).isTrue();

        session.sendMessage(ERROR); // buffered: the other thread holds the connection
        Thread closing = Thread.ofPlatform().start(() -> close(CloseStatus.PROTOCOL_ERROR));
        awaitWaitingOrEnded(closing);
        firstWriteMayEnd.countDown();
        closing.join(5_000);
        writing.get(5, TimeUnit.SECONDS);

        assertThat(wire).containsExactly("MESSAGE", "ERROR", "close 1002");
    }

    @Test
    void nothingHandedInAfterAnErrorFrameIsWritten() throws Exception {
        firstWriteMayEnd.countDown();
        session.sendMessage(ERROR);
        session.sendMessage(MESSAGE);
        session.close(CloseStatus.PROTOCOL_ERROR);

        assertThat(wire).containsExactly("ERROR", "close 1002");
    }

    @Test
    void aCloseWithNoErrorFrameOrForAClientThatStoppedReadingDoesNotWait() throws Exception {
        CompletableFuture<Void> writing = writing(session, MESSAGE);
        assertThat(firstWriteStarted.await(5, TimeUnit.SECONDS)).isTrue();
        session.sendMessage(ERROR);

        long started = System.nanoTime();
        session.close(CloseStatus.SESSION_NOT_RELIABLE);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started))
                .isLessThan(ErrorFrameFirstSession.WRITE_LIMIT.toMillis());
        assertThat(wire).as("closed while the message before is still being written")
                .containsExactly("close " + CloseStatus.SESSION_NOT_RELIABLE.getCode());
        firstWriteMayEnd.countDown();
        writing.get(5, TimeUnit.SECONDS);

        ErrorFrameFirstSession quiet = ErrorFrameFirstSession.of(connection(), 10_000, 1024 * 1024);
        quiet.close(CloseStatus.NORMAL);
        assertThat(wire).endsWith("close 1000");
    }

    /** Spring closes after the ERROR it could not buffer: the buffer is written no more, so nothing is waited for. */
    @Test
    void aCloseAfterASendLimitPassedDoesNotWait() throws Exception {
        ErrorFrameFirstSession small = ErrorFrameFirstSession.of(connection(), 10_000, ERROR.getPayloadLength() / 2);
        CompletableFuture<Void> writing = writing(small, MESSAGE);
        assertThat(firstWriteStarted.await(5, TimeUnit.SECONDS)).isTrue();
        assertThatThrownBy(() -> small.sendMessage(ERROR)).isInstanceOf(SessionLimitExceededException.class);

        long started = System.nanoTime();
        small.close(CloseStatus.PROTOCOL_ERROR);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started))
                .isLessThan(ErrorFrameFirstSession.WRITE_LIMIT.toMillis() / 2);
        firstWriteMayEnd.countDown();
        writing.get(5, TimeUnit.SECONDS);
        assertThat(wire).doesNotContain("ERROR");
    }

    /**
     * The ERROR frame for a malformed frame goes through the connection as Spring's STOMP handler
     * writes to it: written on the connection itself, it met the message being written (two writes at
     * once fail, and one is lost), or went out before it.
     */
    @Test
    void aMalformedFrameIsAnsweredInTurnWithTheMessagesBeingWritten() throws Exception {
        ErrorFrameFirstWebSocketHandler stomp = new ErrorFrameFirstWebSocketHandler(new ExecutorSubscribableChannel(),
                new ExecutorSubscribableChannel());
        stomp.addProtocolHandler(new StompSubProtocolHandler());
        stomp.start();
        MalformedFrameGuard guard = new MalformedFrameGuard(stomp);
        WebSocketSession connection = connection();
        guard.afterConnectionEstablished(connection);
        WebSocketSession writer = stomp.writer(connection);
        assertThat(writer).isInstanceOf(ErrorFrameFirstSession.class);

        CompletableFuture<Void> writing = writing(writer, MESSAGE);
        assertThat(firstWriteStarted.await(5, TimeUnit.SECONDS)).isTrue();
        Thread refusing = Thread.ofPlatform().start(() -> {
            try {
                guard.handleMessage(connection, new TextMessage("HELLO\n\n\u0000"));
            } catch (Exception failed) {
                throw new IllegalStateException(failed);
            }
        });
        awaitWaitingOrEnded(refusing);
        firstWriteMayEnd.countDown();
        refusing.join(5_000);
        writing.get(5, TimeUnit.SECONDS);
        stomp.stop();

        assertThat(wire).containsExactly("MESSAGE", "ERROR", "close 1002");
    }

    /** Writes {@code message} on another thread. */
    private static CompletableFuture<Void> writing(WebSocketSession on, TextMessage message) {
        return CompletableFuture.runAsync(() -> {
            try {
                on.sendMessage(message);
            } catch (Exception failed) {
                throw new IllegalStateException(failed);
            }
        });
    }

    private void close(CloseStatus status) {
        try {
            session.close(status);
        } catch (Exception failed) {
            throw new IllegalStateException(failed);
        }
    }

    /** The close waits for the frame (the fix), or has already closed (the race as it was). */
    private static void awaitWaitingOrEnded(Thread thread) throws InterruptedException {
        for (int n = 0; n < 500 && thread.isAlive() && thread.getState() != Thread.State.TIMED_WAITING; n++) {
            Thread.sleep(2);
        }
    }

    /** A connection whose first write lasts until the test lets it end. */
    private WebSocketSession connection() {
        boolean[] open = { true };
        Map<String, Object> attributes = new ConcurrentHashMap<>();
        return (WebSocketSession) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { WebSocketSession.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "sendMessage" -> {
                        if (!open[0]) {
                            throw new IllegalStateException("closed");
                        }
                        if (firstWriteStarted.getCount() > 0) {
                            firstWriteStarted.countDown();
                            firstWriteMayEnd.await(5, TimeUnit.SECONDS);
                        }
                        String frame = ((TextMessage) args[0]).getPayload();
                        wire.add(frame.substring(0, frame.indexOf('\n')));
                        yield null;
                    }
                    case "close" -> {
                        open[0] = false;
                        wire.add("close " + (args == null ? 1000 : ((CloseStatus) args[0]).getCode()));
                        yield null;
                    }
                    case "isOpen" -> open[0];
                    case "getTextMessageSizeLimit" -> 64 * 1024;
                    case "setTextMessageSizeLimit", "setBinaryMessageSizeLimit" -> null;
                    case "getAcceptedProtocol", "getPrincipal" -> null;
                    case "getAttributes" -> attributes;
                    case "getId" -> "connection-1";
                    case "toString" -> "a test connection";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
