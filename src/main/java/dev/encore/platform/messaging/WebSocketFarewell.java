package dev.encore.platform.messaging;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.Lifecycle;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.WebSocketHandler;

/**
 * Closes every WebSocket connection with 1001 (going away) when the node stops, just before the web
 * server's graceful shutdown, so that clients reconnect at once (to another node, or to this one once
 * it is back) instead of finding their connection dropped (1006). Spring's STOMP handler closes its
 * connections so itself, but it stops in phase 0, after the web server has closed their sockets.
 */
@Component
class WebSocketFarewell implements SmartLifecycle {

    private final ObjectProvider<WebSocketHandler> stompHandler;
    private volatile boolean running;

    WebSocketFarewell(@Qualifier("subProtocolWebSocketHandler") ObjectProvider<WebSocketHandler> stompHandler) {
        this.stompHandler = stompHandler;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        stompHandler.ifAvailable(handler -> {
            if (handler instanceof Lifecycle lifecycle && lifecycle.isRunning()) {
                lifecycle.stop(); // sends the close frames; its own stop later finds nothing left to do
            }
        });
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Right before the graceful shutdown: stop runs from the highest phase down. */
    @Override
    public int getPhase() {
        return WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE + 1;
    }
}
