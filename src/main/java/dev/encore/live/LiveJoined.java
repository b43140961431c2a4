package dev.encore.live;

import java.util.UUID;

/**
 * A user's first connection to a live session subscribed (they were not present before). Published as
 * a Spring application event on the node that saw the subscription, after the presence row was written.
 */
public record LiveJoined(LiveKind kind, UUID sessionId, UUID userId) {
}
