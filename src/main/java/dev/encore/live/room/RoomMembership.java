package dev.encore.live.room;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.encore.account.Accounts;
import dev.encore.live.LiveKind;
import dev.encore.live.LiveMember;
import dev.encore.live.LivePresence;

/**
 * Joining, leaving and closing a room (the room locked by the caller's transaction): capacity, and
 * the host's succession when the host leaves — the member present the longest (live connection),
 * else the earliest joined; a room left by everybody has no host until someone joins.
 */
@Component
class RoomMembership {

    private final Rooms rooms;
    private final RoomMembers members;
    private final LivePresence presence;
    private final Accounts accounts;
    private final RoomBroadcasts broadcasts;
    private final Clock clock;

    RoomMembership(RoomStore store, LivePresence presence, Accounts accounts, RoomBroadcasts broadcasts,
            Clock clock) {
        this.rooms = store.rooms();
        this.members = store.members();
        this.presence = presence;
        this.accounts = accounts;
        this.broadcasts = broadcasts;
        this.clock = clock;
    }

    /** {@code userId} is a member after this (a member already stays one, whatever the capacity). */
    void join(Room room, UUID userId) {
        Optional<RoomMember> known = members.findByRoomIdAndUserId(room.id(), userId);
        if (known.isPresent() && known.get().active()) {
            return;
        }
        if (members.countActive(room.id()) >= room.maxListeners()) {
            throw RoomProblems.full(room.maxListeners());
        }
        String username = accounts.username(userId).orElseThrow(RoomProblems::notFound);
        known.ifPresentOrElse(member -> members.rejoin(member.id(), clock.instant()),
                () -> members.save(new RoomMember(room.id(), userId, username, clock.instant())));
        if (room.hostId() == null) {
            room.hostedBy(userId);
            rooms.save(room);
            broadcasts.host(room);
        }
        broadcasts.members(room);
    }

    /** The member leaves (their stream grants end); a leaving host hands over first. */
    void leave(Room room, RoomMember member) {
        members.leave(member.id(), clock.instant());
        if (room.isHost(member.userId())) {
            room.hostedBy(successor(room).orElse(null));
            rooms.save(room);
            broadcasts.host(room);
        }
        broadcasts.members(room);
    }

    /** Closes a room with its queue, suggestions and memberships: everybody in it gets {@code closed}. */
    void close(Room room, String reason) {
        rooms.delete(room); // the database deletes its members, queue and suggestions with it (ON DELETE CASCADE)
        broadcasts.closed(room.id(), reason);
    }

    private Optional<UUID> successor(Room room) {
        List<UUID> candidates = members.active(room.id()).stream().map(RoomMember::userId).toList();
        return presence.members(LiveKind.ROOM, room.id()).stream().map(LiveMember::userId)
                .filter(candidates::contains).findFirst()
                .or(() -> candidates.stream().findFirst());
    }
}
