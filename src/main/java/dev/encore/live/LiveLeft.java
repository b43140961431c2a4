package dev.encore.live;

import java.util.UUID;

/**
 * A user's last connection to a live session went (unsubscribe, disconnect or swept after its node
 * stopped). Published as a Spring application event on the node that saw it go (for a swept row: the
 * node that swept it).
 */
public record LiveLeft(LiveKind kind, UUID sessionId, UUID userId) {
}
