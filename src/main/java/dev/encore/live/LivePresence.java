package dev.encore.live;

import java.util.List;
import java.util.UUID;

/**
 * Who is in a live session now, across all nodes. A user is present while at least one of their STOMP
 * connections is subscribed to the session's topic ({@code /topic/live/<kind>/<id>}). Each node keeps its
 * connections in the shared table {@code live_presence} and refreshes them every
 * {@code encore.live.presence-heartbeat}; rows of a node that stopped refreshing are swept, so the
 * answers may lag a crashed node by a few heartbeats. Joins and leaves are published as
 * {@link LiveJoined} / {@link LiveLeft} events and broadcast as {@code presence} messages.
 */
public interface LivePresence {

    /** The number of distinct users present (a user with several connections counts once). */
    int count(LiveKind kind, UUID sessionId);

    /** The distinct users present, the longest-present first. */
    List<LiveMember> members(LiveKind kind, UUID sessionId);

    /** Whether {@code userId} has at least one connection subscribed to the session. */
    boolean isPresent(LiveKind kind, UUID sessionId, UUID userId);
}
