package dev.encore.platform.messaging;

import java.time.Duration;
import java.util.List;

import jakarta.servlet.ServletContext;
import jakarta.websocket.server.ServerContainer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.simp.annotation.support.SimpAnnotationMethodMessageHandler;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.util.unit.DataSize;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketTransportRegistration;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

import dev.encore.platform.AccessTokenRevocations;
import dev.encore.platform.EncoreProperties;
import dev.encore.platform.EncoreSecurityProperties;
import dev.encore.platform.spi.TopicGuard;
import dev.encore.platform.web.ProblemWriter;

/**
 * STOMP over WebSocket at {@code /ws}. A client connects with {@code Authorization: Bearer
 * <access token>} in the STOMP CONNECT frame (browsers cannot set headers on the WebSocket
 * handshake); the session's user is the token's subject. What a connected client may subscribe to
 * and send is checked frame by frame ({@link InboundFrameGuard}); a refused frame is answered on
 * the connection's {@code /user/queue/errors} and the connection stays open. A frame larger than
 * {@code encore.live.max-frame-size} (16 KB) closes that connection (WebSocket status 1009). A
 * request that is no WebSocket handshake is answered with a problem ({@link ProblemHandshakeHandler}).
 * How many connections one address holds, and how long one may stay without CONNECT, is bounded
 * ({@link ConnectionGate}); every refusal a connection is answered counts toward its closing
 * ({@link CountedRefusals}). An ERROR frame is written before the connection it ends is closed
 * ({@link MessageBrokerConfiguration}, which enables the broker this class configures).
 */
@Configuration(proxyBeanMethods = false)
class WebSocketConfiguration implements WebSocketMessageBrokerConfigurer {

    private static final int SEND_BUFFER_LIMIT = 1024 * 1024;
    private static final int SEND_TIME_LIMIT_MS = 10_000;
    private static final long HEARTBEAT_MS = 10_000;
    private static final int BINARY_BUFFER_BYTES = 8 * 1024;
    private static final String CONNECT_TIMEOUT = "encore.live.connect-timeout";
    /** How soon a connection that only listens is ended after its token was revoked. */
    private static final Duration REVOCATION_SWEEP = Duration.ofSeconds(5);

    /** Origins whose pages may open /ws: the public URL's and encore.security.allowed-origins. */
    private final List<String> browserOrigins;
    private final ProblemWriter problems;
    private final InboundFrameGuard guard;
    private final CountedRefusals refusals;
    private final ConnectionGate gate;
    private final RevokedConnections connections;
    private final int maxFrameBytes;
    private final ThreadPoolTaskScheduler heartbeats = new ThreadPoolTaskScheduler();
    /** Closes the connections that have not CONNECTed in time: apart, so that no client can delay heart-beats. */
    private final ThreadPoolTaskScheduler deadlines = new ThreadPoolTaskScheduler();

    WebSocketConfiguration(JwtDecoder jwtDecoder, EncoreSecurityProperties security, ObjectProvider<TopicGuard> guards,
            ObjectProvider<SimpAnnotationMethodMessageHandler> handlers, ObjectProvider<SimpMessagingTemplate> stomp,
            @Qualifier("clientOutboundChannel") ObjectProvider<MessageChannel> clientOutbound,
            ApplicationEventPublisher events, @Value("${encore.live.max-frame-size:16KB}") DataSize maxFrameSize,
            ProblemWriter problems, AccessTokenRevocations revocations, EncoreProperties encore,
            @Value("${" + CONNECT_TIMEOUT + ":10s}") Duration connectTimeout,
            @Value("${encore.live.max-connections-per-address:64}") int connectionsPerAddress,
            @Value("${encore.live.max-connections:500}") int maxConnections, ConnectionLimits limits) {
        if (connectTimeout.isNegative() || connectTimeout.isZero() || connectionsPerAddress < 1 || maxConnections < 1) {
            throw new IllegalStateException(CONNECT_TIMEOUT + ", encore.live.max-connections and "
                    + "encore.live.max-connections-per-address must be positive");
        }
        this.browserOrigins = encore.browserOrigins(security.allowedOrigins());
        this.problems = problems;
        StompErrorReplies errors = new StompErrorReplies(stomp, clientOutbound);
        this.connections = new RevokedConnections(revocations, errors);
        this.guard = new InboundFrameGuard(jwtDecoder, guards, handlers, errors, events, connections, limits);
        this.refusals = new CountedRefusals(limits, connections);
        deadlines.setPoolSize(1);
        deadlines.setThreadNamePrefix("stomp-connect-deadline-");
        deadlines.setDaemon(true);
        deadlines.initialize();
        this.gate = new ConnectionGate(maxConnections, connectionsPerAddress, connectTimeout, problems, deadlines, limits::open);
        this.maxFrameBytes = Math.toIntExact(maxFrameSize.toBytes());
        heartbeats.setPoolSize(1);
        heartbeats.setThreadNamePrefix("stomp-heartbeat-");
        heartbeats.setDaemon(true);
        heartbeats.initialize();
        // a connection that only listens sends no frame to be checked at: looked for every few seconds
        heartbeats.scheduleWithFixedDelay(connections::sweep, REVOCATION_SWEEP);
    }

    @Override
    public void registerStompEndpoints(StompEndpointRegistry registry) {
        List<String> origins = browserOrigins;
        registry.addEndpoint("/ws").setHandshakeHandler(new ProblemHandshakeHandler(problems)).addInterceptors(gate)
                .setAllowedOriginPatterns(origins.toArray(String[]::new));
        // a client's frames are handled in the order it sent them (play, then seek)
        registry.setPreserveReceiveOrder(true);
        registry.setErrorHandler(new MalformedFrameErrors());
    }

    @Override
    public void configureMessageBroker(MessageBrokerRegistry registry) {
        // heart-beats (for clients that ask for them) let the server notice a connection that died silently
        registry.enableSimpleBroker("/queue", "/topic").setHeartbeatValue(new long[] { HEARTBEAT_MS, HEARTBEAT_MS })
                .setTaskScheduler(heartbeats);
        registry.setApplicationDestinationPrefixes("/app");
        registry.setUserDestinationPrefix("/user");
        // and the messages to one client leave in the order they were sent
        registry.setPreservePublishOrder(true);
    }

    @Override
    public void configureClientInboundChannel(ChannelRegistration registration) {
        registration.interceptors(guard);
    }

    @Override
    public void configureClientOutboundChannel(ChannelRegistration registration) {
        registration.interceptors(refusals);
    }

    @Override
    public void configureWebSocketTransport(WebSocketTransportRegistration registration) {
        registration.setMessageSizeLimit(maxFrameBytes);
        registration.addDecoratorFactory(MalformedFrameGuard::new);
        registration.addDecoratorFactory(gate::decorate);
        // a client that does not read its messages is dropped instead of holding memory
        registration.setSendBufferSizeLimit(SEND_BUFFER_LIMIT);
        registration.setSendTimeLimit(SEND_TIME_LIMIT_MS);
    }

    /**
     * The container refuses a larger WebSocket message itself, closing only that connection. A mock
     * servlet environment (a module test) has no WebSocket container to configure, so the bean then
     * stays idle instead of failing the start.
     */
    @Bean
    ServletServerContainerFactoryBean webSocketContainer() {
        ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean() {
            private boolean containerPresent;

            @Override
            public void setServletContext(ServletContext servletContext) {
                containerPresent = servletContext.getAttribute(ServerContainer.class.getName()) != null;
                super.setServletContext(servletContext);
            }

            @Override
            public void afterPropertiesSet() {
                if (containerPresent) {
                    super.afterPropertiesSet();
                }
            }
        };
        // Tomcat allocates both buffers up front for every connection (a char per byte of text:
        // 2 bytes each), so they are the main memory cost of a listener. STOMP clients send text
        // frames; a binary one keeps Tomcat's 8 KiB default.
        container.setMaxTextMessageBufferSize(maxFrameBytes);
        container.setMaxBinaryMessageBufferSize(BINARY_BUFFER_BYTES);
        return container;
    }
}
