package dev.encore.live.session;

import java.util.Optional;
import java.util.UUID;

import dev.encore.live.LiveKind;

/**
 * A live session's topic, {@code live/<kind>/<uuid>} below {@code /topic/}.
 *
 * @param kind the session's kind
 * @param id   the session's id
 */
public record SessionTopic(LiveKind kind, UUID id) {

    private static final String PREFIX = "live/";

    /** The session a topic (below {@code /topic/}) belongs to; empty for anything else. */
    public static Optional<SessionTopic> parse(String topic) {
        if (topic == null || !topic.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] parts = topic.substring(PREFIX.length()).split("/", -1);
        if (parts.length != 2 || parts[1].length() != 36) {
            return Optional.empty();
        }
        try {
            UUID id = UUID.fromString(parts[1]);
            return LiveKind.fromSlug(parts[0]).map(kind -> new SessionTopic(kind, id));
        }
        catch (IllegalArgumentException ex) {
            return Optional.empty();
        }
    }

    /** The same parse for a full destination, {@code /topic/live/<kind>/<uuid>}. */
    public static Optional<SessionTopic> ofDestination(String destination) {
        return destination != null && destination.startsWith("/topic/")
                ? parse(destination.substring("/topic/".length()))
                : Optional.empty();
    }
}
