package dev.encore.live.room;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.encore.live.LiveBroadcasts;
import dev.encore.live.LiveKind;
import dev.encore.live.room.RoomView.Entry;
import dev.encore.live.room.RoomView.Member;
import dev.encore.live.room.RoomView.SuggestionEntry;

/**
 * What a room tells everybody in it, on {@code /topic/live/room/<id>}, sent once the change is
 * committed (a rolled-back command broadcasts nothing). Broadcasts carry no stream URLs (they are
 * signed per member): a member reads {@code GET /api/v1/rooms/{id}} for them.
 */
@Component
class RoomBroadcasts {

    /** {@code state}: the playback state and what plays. */
    record StateMessage(RoomView.State state, Entry current) {
    }

    /** {@code queue}: the whole queue in order. */
    record QueueMessage(List<Entry> queue) {
    }

    /** {@code suggestions}: every waiting suggestion. */
    record SuggestionsMessage(List<SuggestionEntry> suggestions) {
    }

    /** {@code members}: who the members are now (joins and leaves of membership, not of connections). */
    record MembersMessage(int memberCount, List<Member> members) {
    }

    /** {@code host}: the new host ({@code hostName} their username, {@code hostDisplayName} the name to show). */
    record HostMessage(UUID hostId, String hostName, String hostDisplayName) {
    }

    /** {@code room}: changed settings. */
    record SettingsMessage(String name, boolean isPublic, int maxListeners) {
    }

    /** {@code closed}: the room is gone ({@code deleted} by its host or an admin, or {@code idle}). */
    record ClosedMessage(String reason) {
    }

    private final LiveBroadcasts broadcasts;
    private final RoomViews views;

    RoomBroadcasts(LiveBroadcasts broadcasts, RoomViews views) {
        this.broadcasts = broadcasts;
        this.views = views;
    }

    void state(Room room) {
        RoomView view = views.of(room, null, false);
        send(room.id(), "state", new StateMessage(view.state(), view.current()));
    }

    void queue(Room room) {
        send(room.id(), "queue", new QueueMessage(views.queue(room, null)));
    }

    void suggestions(Room room) {
        send(room.id(), "suggestions", new SuggestionsMessage(views.suggestions(room)));
    }

    void members(Room room) {
        RoomView view = views.of(room, null, false);
        send(room.id(), "members", new MembersMessage(view.memberCount(), view.members()));
    }

    void host(Room room) {
        RoomView view = views.of(room, null, false);
        send(room.id(), "host", new HostMessage(room.hostId(), view.hostName(), view.hostDisplayName()));
    }

    void settings(Room room) {
        send(room.id(), "room", new SettingsMessage(room.name(), room.isPublic(), room.maxListeners()));
    }

    void closed(UUID roomId, String reason) {
        send(roomId, "closed", new ClosedMessage(reason));
    }

    /** Built now; {@link LiveBroadcasts} sends it once the transaction commits. */
    private void send(UUID roomId, String type, Object body) {
        broadcasts.send(LiveKind.ROOM, roomId, type, body);
    }
}
