package dev.encore.live.session;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.encore.live.LiveBroadcasts;
import dev.encore.live.LiveKind;
import dev.encore.platform.TopicMessages;

/**
 * Session messages on {@code /topic/live/<kind>/<id>}, on every node: {@code {type, serverTime, data}};
 * inside a transaction they leave after commit.
 */
@Component
class TopicBroadcasts implements LiveBroadcasts {

    private final TopicMessages topics;
    private final Clock clock;

    TopicBroadcasts(TopicMessages topics, Clock clock) {
        this.topics = topics;
        this.clock = clock;
    }

    @Override
    public void send(LiveKind kind, UUID id, String type, Object body) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            topics.publish(kind.topic(id), envelope(type, clock.millis(), body));
            return;
        }
        // clients must never hear of a change before it is readable (or of one rolled back)
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                topics.publish(kind.topic(id), envelope(type, clock.millis(), body));
            }
        });
    }

    /** The message every live client reads: its type, the server's epoch milliseconds, and the body. */
    static Map<String, Object> envelope(String type, long serverTime, Object body) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", type);
        message.put("serverTime", serverTime);
        message.put("data", body);
        return message;
    }
}
