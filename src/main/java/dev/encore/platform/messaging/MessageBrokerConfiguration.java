package dev.encore.platform.messaging;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.support.AbstractSubscribableChannel;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.config.annotation.DelegatingWebSocketMessageBrokerConfiguration;

/**
 * Spring's WebSocket message broker, as {@code @EnableWebSocketMessageBroker} sets it up (configured by
 * {@link WebSocketConfiguration}), with one change Spring offers no setting for: its STOMP handler's
 * connections write an ERROR frame before they close ({@link ErrorFrameFirstWebSocketHandler}).
 */
@Configuration(proxyBeanMethods = false)
class MessageBrokerConfiguration extends DelegatingWebSocketMessageBrokerConfiguration {

    @Bean
    @Override
    public WebSocketHandler subProtocolWebSocketHandler(
            @Qualifier("clientInboundChannel") AbstractSubscribableChannel clientInboundChannel,
            @Qualifier("clientOutboundChannel") AbstractSubscribableChannel clientOutboundChannel) {
        ErrorFrameFirstWebSocketHandler handler = new ErrorFrameFirstWebSocketHandler(clientInboundChannel,
                clientOutboundChannel);
        handler.setPhase(getPhase());
        return handler;
    }
}
