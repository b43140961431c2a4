package dev.encore.live.room;

import java.util.UUID;

import org.springframework.stereotype.Component;

/** The room tables, together: a room and its members, queue and suggestions. */
@Component
class RoomStore {

    private final Rooms rooms;
    private final RoomMembers members;
    private final RoomQueue queue;
    private final RoomSuggestions suggestions;

    RoomStore(Rooms rooms, RoomMembers members, RoomQueue queue, RoomSuggestions suggestions) {
        this.rooms = rooms;
        this.members = members;
        this.queue = queue;
        this.suggestions = suggestions;
    }

    Rooms rooms() {
        return rooms;
    }

    RoomMembers members() {
        return members;
    }

    RoomQueue queue() {
        return queue;
    }

    RoomSuggestions suggestions() {
        return suggestions;
    }

    /** The room locked for a change, or a 404 answer. */
    Room lock(UUID id) {
        return rooms.findLockedById(id).orElseThrow(RoomProblems::notFound);
    }
}
