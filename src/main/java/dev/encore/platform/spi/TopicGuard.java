package dev.encore.platform.spi;

import java.util.UUID;

/**
 * Decides who may subscribe to a shared STOMP topic. A SUBSCRIBE to {@code /topic/**} is allowed only
 * when some guard {@link #supports(String) supports} the topic and {@link #maySubscribe(UUID, String)
 * permits} the user; a topic no guard supports is closed to everyone. Refusals reach the client as an
 * error message on {@code /user/queue/errors}; the connection stays open.
 */
public interface TopicGuard {

    /**
     * Whether this guard decides about {@code topic}.
     *
     * @param topic the destination below {@code /topic/}, without a leading slash, e.g. {@code live/room/<uuid>}
     */
    boolean supports(String topic);

    /**
     * Whether {@code userId} may receive the messages of {@code topic}. Called only for supported topics;
     * may run a database query; must not throw for unknown ids (answer {@code false}).
     */
    boolean maySubscribe(UUID userId, String topic);
}
