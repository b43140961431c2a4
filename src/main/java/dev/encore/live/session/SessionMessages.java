package dev.encore.live.session;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.stereotype.Component;
import org.springframework.util.MimeTypeUtils;

import dev.encore.live.LiveBroadcasts;
import dev.encore.live.LiveMember;

/**
 * What the core says about presence: the joiner's {@code snapshot} on {@code /user/queue/live}
 * (that connection only), and {@code presence} broadcasts, at most one per session every
 * {@value #PRESENCE_COALESCE_MS} ms however many connections come and go (a crowd joining at once
 * costs one message per member, not one per pair).
 */
@Component
class SessionMessages {

    static final int PRESENCE_COALESCE_MS = 250;
    /** Members listed in a presence message; {@code count} is always the full number. */
    static final int MEMBERS_SHOWN = 100;

    private final SimpMessagingTemplate stomp;
    private final LiveAccess access;
    private final PresenceTable presence;
    private final LiveBroadcasts broadcasts;
    private final PresenceNode node;
    private final Clock clock;
    private final Set<SessionTopic> pending = ConcurrentHashMap.newKeySet();

    SessionMessages(SimpMessagingTemplate stomp, LiveAccess access, PresenceTable presence, LiveBroadcasts broadcasts,
            PresenceNode node, Clock clock) {
        this.stomp = stomp;
        this.access = access;
        this.presence = presence;
        this.broadcasts = broadcasts;
        this.node = node;
        this.clock = clock;
    }

    void snapshot(String user, String stompSession, SessionTopic topic) {
        Object data = access.sessions(topic.kind()).map(sessions -> sessions.snapshot(topic.id(), java.util.UUID.fromString(user)))
                .orElse(null);
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", "snapshot");
        message.put("kind", topic.kind().slug());
        message.put("id", topic.id());
        message.put("serverTime", clock.millis());
        message.put("data", data);
        message.put("presence", presenceBody(topic));
        stomp.convertAndSendToUser(user, "/queue/live", message, toConnection(stompSession));
    }

    /**
     * Tells the connection {@code stompSession} on {@code /user/queue/errors} that its subscription to
     * {@code topic} was ended because the user may no longer join the session.
     */
    void accessEnded(String user, String stompSession, SessionTopic topic) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("type", "live-access-ended");
        error.put("title", "Access ended");
        error.put("detail", "You may no longer join this " + topic.kind().slug() + " (you left or were removed, or "
                + "it is no longer shared with you), so its messages stopped.");
        error.put("destination", "/topic/live/" + topic.kind().slug() + "/" + topic.id());
        error.put("receipt", null);
        stomp.convertAndSendToUser(user, "/queue/errors", error, toConnection(stompSession));
    }

    private static Map<String, Object> toConnection(String stompSession) {
        SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
        headers.setSessionId(stompSession);
        headers.setContentType(MimeTypeUtils.APPLICATION_JSON);
        headers.setLeaveMutable(true);
        return headers.getMessageHeaders();
    }

    void presenceChanged(SessionTopic topic) {
        if (pending.add(topic)) {
            node.later(Duration.ofMillis(PRESENCE_COALESCE_MS), () -> {
                pending.remove(topic);
                broadcasts.send(topic.kind(), topic.id(), "presence", presenceBody(topic));
            });
        }
    }

    Map<String, Object> presenceBody(SessionTopic topic) {
        List<LiveMember> members = presence.members(topic.kind(), topic.id());
        List<LiveMember> shown = members.stream().limit(MEMBERS_SHOWN).toList();
        Map<UUID, String> names = access.displayNames(shown.stream().map(LiveMember::userId).toList());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("count", members.size());
        body.put("members", shown.stream().map(member -> Map.of("userId", member.userId(), "username", member.username(),
                "displayName", names.getOrDefault(member.userId(), member.username()))).toList());
        return body;
    }
}
