package dev.encore.platform;

/**
 * A STOMP connection's UNSUBSCRIBE ended its subscription to {@code /topic/<topic>}. Published on the
 * node holding the connection, in the order the client's frames were read, once the subscription is
 * no longer held ({@link TopicSubscriptions#holds} answers false): its {@link TopicSubscribed}, handled
 * later on another thread, may come after this event, and a listener that checks {@code holds} after
 * acting on that one sees the end (not transactional, not across nodes).
 *
 * @param stompSession   the connection's STOMP session id (unique on this node only)
 * @param subscriptionId the subscription's id, as the client chose it
 * @param topic          the destination below {@code /topic/}, e.g. {@code live/room/<uuid>}
 */
public record TopicUnsubscribed(String stompSession, String subscriptionId, String topic) {
}
