package dev.encore.platform;

/**
 * The STOMP subscriptions held on this node: whether one is still held, and ending one, for a module
 * that finds that a subscriber may no longer receive a topic it was let into at SUBSCRIBE (a member
 * who left, content made private). The connection stays open; the client learns why from the module
 * that ends the subscription.
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

    /**
     * Whether the connection {@code stompSession} still holds subscription {@code subscriptionId} to
     * {@code /topic/<topic>}: false once the client unsubscribed ({@link TopicUnsubscribed}) or
     * disconnected, or the subscription was {@linkplain #end ended}. A listener of
     * {@link TopicSubscribed}, which may be handled after the subscription's end was heard, asks this
     * after acting on it, and takes back what it did when the answer is false.
     */
    boolean holds(String stompSession, String subscriptionId, String topic);
}
