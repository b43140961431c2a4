package dev.encore.live.session;

import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.encore.platform.spi.TopicGuard;

/** Opens {@code /topic/live/<kind>/<id>} to the users the kind's {@code LiveSessions.mayJoin} lets in. */
@Component
class LiveTopicGuard implements TopicGuard {

    private final LiveAccess access;

    LiveTopicGuard(LiveAccess access) {
        this.access = access;
    }

    @Override
    public boolean supports(String topic) {
        return topic.startsWith("live/");
    }

    @Override
    public boolean maySubscribe(UUID userId, String topic) {
        return SessionTopic.parse(topic).map(session -> access.mayJoin(session.kind(), session.id(), userId))
                .orElse(false);
    }
}
