package dev.encore.platform;

/**
 * Ends STOMP subscriptions held on this node, for a module that finds that a subscriber may no
 * longer receive a topic it was let into at SUBSCRIBE (a member who left, content made private).
 * The connection stays open; the client learns why from the module that ends the subscription.
 */
public interface TopicSubscriptions {

    /**
     * Unregisters subscription {@code subscriptionId} of the connection {@code stompSession} at the
     * broker: no message of its topic reaches that connection afterwards. Does nothing when there is
     * no such subscription (the client unsubscribed or disconnected meanwhile).
     *
     * @param stompSession   the connection's STOMP session id, as {@link TopicSubscribed} gave it
     * @param subscriptionId the subscription's id, as {@link TopicSubscribed} gave it
     */
    void end(String stompSession, String subscriptionId);
}
