package dev.encore.platform.messaging;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.jwt.Jwt;

import dev.encore.platform.AccessTokenRevocations;

/**
 * Ends the STOMP connections whose access token was revoked after they connected: by logout, a
 * revoked session, a changed password, a disabled, demoted or deleted account. A connection is
 * authenticated once, at CONNECT; without this one kept receiving a room's broadcasts, and sending
 * chat, for as long as it stayed open. Each frame a client sends is checked as it arrives
 * ({@link InboundFrameGuard}); a connection that only listens is found by {@link #sweep}, run every
 * few seconds, which asks the deny-list that HTTP requests ask (in memory, or Redis for every node).
 * The connection gets an ERROR frame saying why, and Spring closes it.
 */
class RevokedConnections {

    private static final Logger log = LoggerFactory.getLogger(RevokedConnections.class);
    static final String REASON = "The access token was revoked (signed out, session ended, password changed or "
            + "account disabled): connect again with a new one";

    /** Each open connection's access token, by STOMP session id. */
    private final Map<String, Jwt> tokens = new ConcurrentHashMap<>();
    private final AccessTokenRevocations revocations;
    private final StompErrorReplies errors;

    RevokedConnections(AccessTokenRevocations revocations, StompErrorReplies errors) {
        this.revocations = revocations;
        this.errors = errors;
    }

    void connected(String sessionId, Jwt token) {
        if (sessionId != null) {
            tokens.put(sessionId, token);
        }
    }

    void disconnected(String sessionId) {
        if (sessionId != null) {
            tokens.remove(sessionId);
        }
    }

    /** Whether the connection's token has been revoked since it connected. */
    boolean revoked(String sessionId) {
        Jwt token = sessionId == null ? null : tokens.get(sessionId);
        return token != null && revocations.isRevoked(token);
    }

    /** Ends every connection whose token has been revoked; returns how many. */
    int sweep() {
        int ended = 0;
        for (Map.Entry<String, Jwt> connection : tokens.entrySet()) {
            try {
                if (revocations.isRevoked(connection.getValue())) {
                    tokens.remove(connection.getKey());
                    errors.close(connection.getKey(), REASON);
                    ended++;
                }
            }
            catch (RuntimeException failure) { // the deny-list's store not answering: next sweep
                log.warn("Could not check a live connection's token: {}", failure.toString());
                return ended;
            }
        }
        if (ended > 0) {
            log.info("Closed {} live connections whose access token was revoked", ended);
        }
        return ended;
    }
}
