package dev.encore.live;

import java.util.UUID;

/**
 * Sends messages to everybody in a live session, on every node: the message published on
 * {@code /topic/live/<kind>/<id>} is a JSON object {@code {"type": type, "serverTime": <epoch ms>,
 * "data": body}} ({@code data} is {@code null} when {@code body} is). Clients branch on {@code type}.
 */
public interface LiveBroadcasts {

    /**
     * Publishes a message of {@code type} (e.g. {@code state}, {@code queue}, {@code closed}) with
     * {@code body} serialized as JSON under {@code data}, stamped with the server time of sending.
     * Called inside a transaction, the message is sent after it commits (and not at all when it
     * rolls back), so a client never hears of a change it cannot read yet; {@code body} must not be
     * changed afterwards.
     */
    void send(LiveKind kind, UUID id, String type, Object body);
}
