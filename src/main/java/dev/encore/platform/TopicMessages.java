package dev.encore.platform;

/**
 * Publishes JSON messages on shared STOMP topics: {@code publish("live/room/<id>", payload)} reaches
 * every connection subscribed to {@code /topic/live/room/<id>}, on every node. Embedded, that is this
 * node's broker; with {@code encore.messaging.fan-out=redis} the message goes through the Redis
 * channel {@code encore:topic-messages} and each node hands it to its own subscribers (when Redis is
 * unreachable the message is delivered on this node only). Delivery is fire-and-forget: a client
 * that misses a message reads the current state again (a snapshot or a GET).
 */
public interface TopicMessages {

    /**
     * Sends {@code payload}, serialized as JSON, to the subscribers of {@code /topic/<topic>}.
     *
     * @param topic   the destination below {@code /topic/}, without a leading slash, e.g. {@code live/room/<uuid>};
     *                never contains spaces
     * @param payload serialized with the application's JSON mapper; a {@code String} is sent as a JSON string
     */
    void publish(String topic, Object payload);
}
