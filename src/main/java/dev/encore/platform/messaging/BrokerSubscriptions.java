package dev.encore.platform.messaging;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;

import dev.encore.platform.TopicSubscriptions;

/**
 * Ends a subscription by handing the broker the UNSUBSCRIBE the client did not send, on the broker
 * channel: the simple broker (every node has its own, in both modes; topics reach the other nodes'
 * brokers through Redis) removes it from its registry, and a relay to an external broker would forward
 * it on that connection. Nothing passes the inbound guard, which is for what clients send.
 */
@Component
class BrokerSubscriptions implements TopicSubscriptions {

    private final MessageChannel brokerChannel;
    private final ConnectionLimits limits;

    BrokerSubscriptions(@Qualifier("brokerChannel") MessageChannel brokerChannel, ConnectionLimits limits) {
        this.brokerChannel = brokerChannel;
        this.limits = limits;
    }

    @Override
    public void end(String stompSession, String subscriptionId) {
        StompHeaderAccessor unsubscribe = StompHeaderAccessor.create(StompCommand.UNSUBSCRIBE);
        unsubscribe.setSessionId(stompSession);
        unsubscribe.setSubscriptionId(subscriptionId);
        brokerChannel.send(MessageBuilder.createMessage(new byte[0], unsubscribe.getMessageHeaders()));
        // no longer held: and the client may SUBSCRIBE to the topic again once it may receive it
        limits.unsubscribe(stompSession, subscriptionId);
    }

    @Override
    public boolean holds(String stompSession, String subscriptionId, String topic) {
        return limits.holds(stompSession, subscriptionId, InboundFrameGuard.TOPICS + topic);
    }
}
