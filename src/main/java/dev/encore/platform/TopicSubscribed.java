package dev.encore.platform;

import java.util.UUID;

/**
 * A STOMP connection's SUBSCRIBE to {@code /topic/<topic>} was let through and the broker has
 * registered it: from now on the connection receives the topic's messages, and anything sent to
 * its {@code /user/queue/**} subscriptions made before reaches it. Published as a Spring
 * application event on the node holding the connection (not transactional, not across nodes).
 *
 * @param userId         the connection's user
 * @param stompSession   the connection's STOMP session id (unique on this node only)
 * @param subscriptionId the subscription's id, as the client chose it
 * @param topic          the destination below {@code /topic/}, e.g. {@code live/room/<uuid>}
 */
public record TopicSubscribed(UUID userId, String stompSession, String subscriptionId, String topic) {
}
