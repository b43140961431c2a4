package dev.encore.platform;

import java.util.UUID;
import java.util.function.Consumer;

/**
 * Pushes JSON messages to one user, wherever they are connected: on STOMP as
 * {@code /user/queue/<topic>} and to in-process subscribers (SSE streams). In distributed mode a
 * message sent on one node reaches the user's connections on every node.
 */
public interface UserNotifications {

    /** Sends {@code payload} (serialized as JSON) to every connection of {@code userId} on {@code topic}. */
    void send(UUID userId, String topic, Object payload);

    /**
     * Receives the JSON text of every message sent to {@code userId} on {@code topic}, until the
     * returned handle is closed.
     */
    Subscription subscribe(UUID userId, String topic, Consumer<String> json);

    /** An open subscription. */
    interface Subscription extends AutoCloseable {

        @Override
        void close();
    }
}
