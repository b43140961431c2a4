package dev.encore.platform.messaging;

import java.security.Principal;
import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageDeliveryException;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.web.socket.config.annotation.EnableWebSocketMessageBroker;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;

import dev.encore.platform.EncoreSecurityProperties;

/**
 * STOMP over WebSocket at {@code /ws}. A client connects with {@code Authorization: Bearer
 * <access token>} in the STOMP CONNECT frame (browsers cannot set headers on the WebSocket
 * handshake); the session's user is the token's subject. Clients may only subscribe to their own
 * {@code /user/queue/...} destinations and to {@code /topic/...}; the broker's resolved per-session
 * queues cannot be subscribed to directly, so nobody can read another user's messages.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocketMessageBroker
class WebSocketConfiguration implements WebSocketMessageBrokerConfigurer {

    private final JwtDecoder jwtDecoder;
    private final EncoreSecurityProperties security;

    WebSocketConfiguration(JwtDecoder jwtDecoder, EncoreSecurityProperties security) {
        this.jwtDecoder = jwtDecoder;
        this.security = security;
    }

    @Override
    public void registerStompEndpoints(StompEndpointRegistry registry) {
        List<String> origins = security.allowedOrigins();
        registry.addEndpoint("/ws").setAllowedOriginPatterns(origins.toArray(String[]::new));
    }

    @Override
    public void configureMessageBroker(MessageBrokerRegistry registry) {
        registry.enableSimpleBroker("/queue", "/topic");
        registry.setApplicationDestinationPrefixes("/app");
        registry.setUserDestinationPrefix("/user");
    }

    @Override
    public void configureClientInboundChannel(ChannelRegistration registration) {
        registration.interceptors(new ChannelInterceptor() {
            @Override
            public Message<?> preSend(Message<?> message, MessageChannel channel) {
                StompHeaderAccessor stomp = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
                if (stomp == null || stomp.getCommand() == null) {
                    return message;
                }
                if (stomp.getCommand() == StompCommand.CONNECT) {
                    stomp.setUser(authenticate(stomp.getFirstNativeHeader("Authorization")));
                }
                else if (stomp.getCommand() == StompCommand.SUBSCRIBE) {
                    String destination = stomp.getDestination();
                    if (stomp.getUser() == null || destination == null
                            || !(destination.startsWith("/user/queue/") || destination.startsWith("/topic/"))) {
                        throw new MessageDeliveryException("Subscriptions are limited to /user/queue/** and /topic/**");
                    }
                }
                else if (stomp.getCommand() == StompCommand.SEND && stomp.getUser() == null) {
                    throw new MessageDeliveryException("Not connected");
                }
                return message;
            }
        });
    }

    private Principal authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new MessageDeliveryException("CONNECT needs an Authorization: Bearer <access token> header");
        }
        try {
            Jwt jwt = jwtDecoder.decode(authorization.substring(7).trim());
            String subject = jwt.getSubject();
            return () -> subject;
        }
        catch (JwtException ex) {
            throw new MessageDeliveryException("The access token is invalid or expired");
        }
    }
}
