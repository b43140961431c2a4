package dev.encore.live.chat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.encore.live.LiveBroadcasts;
import dev.encore.live.LiveCommandException;
import dev.encore.live.LiveKind;
import dev.encore.live.LiveProperties;
import dev.encore.live.session.LiveAccess;
import dev.encore.platform.PlainText;
import dev.encore.platform.RateLimitStatus;
import dev.encore.platform.RateLimits;

/**
 * Chat in a live session: members write (length, mute and the {@code live-chat} rate limit
 * checked), moderators (host, owner or admin) delete messages and mute members. Every change is
 * stored, then broadcast on the session's topic.
 */
@Service
class LiveChat {

    static final String RATE_LIMIT = "live-chat";
    static final int DEFAULT_MUTE_MINUTES = 60;
    static final int MAX_MUTE_MINUTES = 7 * 24 * 60;

    private final ChatMessages messages;
    private final LiveAccess access;
    private final LiveBroadcasts broadcasts;
    private final RateLimits limits;
    private final LiveProperties properties;
    private final Clock clock;

    LiveChat(ChatMessages messages, LiveAccess access, LiveBroadcasts broadcasts, RateLimits limits,
            LiveProperties properties, Clock clock) {
        this.messages = messages;
        this.access = access;
        this.broadcasts = broadcasts;
        this.limits = limits;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    public ChatMessage post(LiveKind kind, UUID sessionId, UUID userId, String raw) {
        member(kind, sessionId, userId);
        if (!access.chatEnabled(kind, sessionId)) {
            throw new LiveCommandException("live-chat-closed", "Chat closed", "This session takes no chat messages now.");
        }
        String text = raw == null ? "" : raw.strip();
        int length = text.codePointCount(0, text.length());
        if (length < 1 || length > properties.chatMaxLength() || text.indexOf('\0') >= 0) {
            throw LiveCommandException.badPayload("text must have 1 to " + properties.chatMaxLength()
                    + " characters after trimming.");
        }
        if (!PlainText.Check.isPlain(text, true)) {
            throw LiveCommandException.badPayload("text must not contain control characters other than line breaks "
                    + "and tabs, nor bidirectional overrides.");
        }
        Instant now = clock.instant();
        messages.mutedUntil(kind, sessionId, userId, now).ifPresent(until -> {
            throw new LiveCommandException("live-muted", "Muted", "A moderator muted you here until " + until + ".");
        });
        if (limits.enabled()) {
            RateLimitStatus status = limits.consume(RATE_LIMIT, userId.toString());
            if (!status.allowed()) {
                throw new LiveCommandException("live-rate-limited", "Too many messages",
                        "Wait " + Math.max(1, status.retryAfterSeconds()) + " s before the next message.");
            }
        }
        ChatMessage message = new ChatMessage(UUID.randomUUID(), userId, access.username(userId),
                access.displayName(userId), text, now);
        messages.insert(kind, sessionId, message);
        broadcasts.send(kind, sessionId, "chat", message);
        return message;
    }

    @Transactional
    public void delete(LiveKind kind, UUID sessionId, UUID moderatorId, UUID messageId) {
        moderator(kind, sessionId, moderatorId);
        if (messageId == null) {
            throw LiveCommandException.badPayload("Send {\"messageId\": <uuid>}.");
        }
        if (!messages.markDeleted(kind, sessionId, messageId, clock.instant())) {
            throw LiveCommandException.notFound("No such message in this session.");
        }
        broadcasts.send(kind, sessionId, "chat-deleted", Map.of("id", messageId));
    }

    /** Mutes {@code userId} for {@code minutes} (default 60, 1 to a week); returns until when. */
    @Transactional
    public Instant mute(LiveKind kind, UUID sessionId, UUID moderatorId, UUID userId, Integer minutes) {
        moderator(kind, sessionId, moderatorId);
        int span = minutes == null ? DEFAULT_MUTE_MINUTES : minutes;
        if (userId == null || span < 1 || span > MAX_MUTE_MINUTES) {
            throw LiveCommandException.badPayload("Send {\"userId\": <uuid>, \"minutes\": 1.." + MAX_MUTE_MINUTES + "}.");
        }
        if (userId.equals(moderatorId)) {
            throw LiveCommandException.badPayload("You cannot mute yourself.");
        }
        if (!access.mayJoin(kind, sessionId, userId)) {
            throw notInSession(userId);
        }
        Instant until = clock.instant().plus(Duration.ofMinutes(span));
        messages.mute(kind, sessionId, userId, until);
        broadcasts.send(kind, sessionId, "muted", muted(userId, until));
        return until;
    }

    /** Lifts the mute of {@code userId}, who is in the session or muted there (one who left may come back). */
    @Transactional
    public void unmute(LiveKind kind, UUID sessionId, UUID moderatorId, UUID userId) {
        moderator(kind, sessionId, moderatorId);
        if (userId == null) {
            throw LiveCommandException.badPayload("Send {\"userId\": <uuid>}.");
        }
        if (!access.mayJoin(kind, sessionId, userId)
                && messages.mutedUntil(kind, sessionId, userId, clock.instant()).isEmpty()) {
            throw notInSession(userId);
        }
        messages.unmute(kind, sessionId, userId);
        broadcasts.send(kind, sessionId, "muted", muted(userId, null));
    }

    /** The history for whoever may join the session; empty when they may not ({@code false}). */
    @Transactional(readOnly = true)
    public List<ChatMessage> history(LiveKind kind, UUID sessionId, Instant before, int size) {
        List<ChatMessage> page = messages.page(kind, sessionId, before == null ? clock.instant().plusSeconds(1) : before,
                size);
        Map<UUID, String> names = access.displayNames(page.stream().map(ChatMessage::userId).collect(Collectors.toSet()));
        return page.stream().map(message -> message.shownAs(names.get(message.userId()))).toList();
    }

    private void member(LiveKind kind, UUID sessionId, UUID userId) {
        if (!access.mayJoin(kind, sessionId, userId)) {
            throw LiveCommandException.forbidden("You are not in this session.");
        }
    }

    private void moderator(LiveKind kind, UUID sessionId, UUID userId) {
        if (!access.mayModerate(kind, sessionId, userId)) {
            throw new LiveCommandException("live-not-moderator", "Not a moderator",
                    "Only the host, the owner or an admin may do this.");
        }
    }

    /** The moderated user is no member of the session (or no user at all): nothing changes or is broadcast. */
    private static LiveCommandException notInSession(UUID userId) {
        return LiveCommandException.notFound("No such user in this session: " + userId + ".");
    }

    private static Map<String, Object> muted(UUID userId, Instant until) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("userId", userId);
        body.put("until", until);
        return body;
    }
}
