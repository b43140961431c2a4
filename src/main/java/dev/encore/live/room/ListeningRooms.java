package dev.encore.live.room;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.encore.account.UserDeleted;
import dev.encore.library.Viewer;
import dev.encore.live.LiveProperties;
import dev.encore.live.room.RoomRequests.CreateRoom;
import dev.encore.live.room.RoomRequests.UpdateRoom;
import dev.encore.platform.InvalidFieldsException;

/**
 * Listening rooms over REST: made by a host, listed when public, joined by id (public) or invite code,
 * left, handed over, changed and closed by the host (closing also by an admin).
 */
@Service
class ListeningRooms {

    private final RoomStore store;
    private final RoomMembership membership;
    private final RoomViews views;
    private final RoomBroadcasts broadcasts;
    private final LiveProperties properties;
    private final Clock clock;

    ListeningRooms(RoomStore store, RoomMembership membership, RoomViews views, RoomBroadcasts broadcasts,
            LiveProperties properties, Clock clock) {
        this.store = store;
        this.membership = membership;
        this.views = views;
        this.broadcasts = broadcasts;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    public RoomView create(Viewer viewer, CreateRoom request) {
        String name = RoomRequests.check(request.name(), true, request.maxListeners(), properties.maxListenersCap(), 0);
        Room room = store.rooms().save(new Room(viewer.userId(), name, !Boolean.FALSE.equals(request.isPublic()),
                request.maxListeners() == null ? 10 : request.maxListeners(), clock.instant()));
        membership.join(room, viewer.userId());
        return views.of(room, viewer.userId(), viewer.admin());
    }

    /** Public rooms, optionally whose name contains {@code q} (any case). */
    @Transactional(readOnly = true)
    public Page<RoomView> list(Viewer viewer, String q, Pageable pageable) {
        String words = q == null ? "" : q.strip().toLowerCase(Locale.ROOT).replaceAll("[\\\\%_]", "");
        Page<Room> rooms = words.isEmpty() ? store.rooms().findByIsPublicTrue(pageable)
                : store.rooms().findByIsPublicTrueAndNameContainingIgnoreCase(words, pageable);
        return rooms.map(room -> views.of(room, viewer.userId(), viewer.admin()));
    }

    /** The rooms {@code viewer} is a member of. */
    @Transactional(readOnly = true)
    public Page<RoomView> mine(Viewer viewer, Pageable pageable) {
        List<UUID> ids = store.members().roomsOf(viewer.userId());
        Page<Room> rooms = ids.isEmpty() ? Page.empty(pageable) : store.rooms().findByIdIn(ids, pageable);
        return rooms.map(room -> views.of(room, viewer.userId(), viewer.admin()));
    }

    /** A public room, or one {@code viewer} is a member of (admins: any). */
    @Transactional(readOnly = true)
    public RoomView get(Viewer viewer, UUID id) {
        Room room = store.rooms().findById(id).filter(found -> found.isPublic() || viewer.admin()
                || store.members().isActive(id, viewer.userId())).orElseThrow(RoomProblems::notFound);
        return views.of(room, viewer.userId(), viewer.admin());
    }

    @Transactional
    public RoomView update(Viewer viewer, UUID id, UpdateRoom request) {
        Room room = hosted(viewer, id);
        String name = RoomRequests.check(request.name(), false, request.maxListeners(), properties.maxListenersCap(),
                store.members().countActive(id));
        room.settings(name, request.isPublic(), request.maxListeners());
        store.rooms().save(room);
        broadcasts.settings(room);
        return views.of(room, viewer.userId(), viewer.admin());
    }

    /** Closes the room (host or admin): everybody in it gets {@code closed}. */
    @Transactional
    public void delete(Viewer viewer, UUID id) {
        Room room = visibleLocked(viewer, id);
        if (!room.isHost(viewer.userId()) && !viewer.admin()) {
            throw RoomProblems.hostOnly();
        }
        membership.close(room, "deleted");
    }

    /** Joins a public room by id (a private one only by invite code: 404 otherwise). */
    @Transactional
    public RoomView join(Viewer viewer, UUID id) {
        Room room = store.lock(id);
        if (!room.isPublic() && !store.members().isActive(id, viewer.userId())) {
            throw RoomProblems.notFound();
        }
        membership.join(room, viewer.userId());
        return views.of(room, viewer.userId(), viewer.admin());
    }

    /** Joins the room of an invite code (404 for a code that is wrong or was rotated). */
    @Transactional
    public RoomView joinByCode(Viewer viewer, String code) {
        if (code == null || code.isBlank()) {
            throw InvalidFieldsException.of("inviteCode", "must not be empty");
        }
        UUID id = store.rooms().findByInviteCode(code.strip()).map(Room::id).orElseThrow(RoomProblems::notFound);
        Room room = store.lock(id);
        membership.join(room, viewer.userId());
        return views.of(room, viewer.userId(), viewer.admin());
    }

    /** Leaves the room; its stream URLs stop working for the viewer. Leaving twice is fine. */
    @Transactional
    public void leave(Viewer viewer, UUID id) {
        Room room = store.lock(id);
        store.members().findByRoomIdAndUserId(id, viewer.userId()).filter(RoomMember::active)
                .ifPresent(member -> membership.leave(room, member));
    }

    /** A new invite code; the old one stops working. */
    @Transactional
    public RoomView rotateInvite(Viewer viewer, UUID id) {
        Room room = hosted(viewer, id);
        room.rotateInvite();
        store.rooms().save(room);
        return views.of(room, viewer.userId(), viewer.admin());
    }

    /** Makes another member the host. */
    @Transactional
    public RoomView handOver(Viewer viewer, UUID id, UUID userId) {
        Room room = hosted(viewer, id);
        if (userId == null || !store.members().isActive(id, userId)) {
            throw InvalidFieldsException.of("userId", "must be a member of the room");
        }
        room.hostedBy(userId);
        store.rooms().save(room);
        broadcasts.host(room);
        broadcasts.members(room);
        return views.of(room, viewer.userId(), viewer.admin());
    }

    /** A deleted account leaves its rooms (a host hands over) and its memberships and suggestions go. */
    @ApplicationModuleListener
    void on(UserDeleted deleted) {
        for (RoomMember member : store.members().findByUserId(deleted.userId())) {
            store.rooms().findLockedById(member.roomId()).ifPresent(room -> {
                if (member.active()) {
                    membership.leave(room, member);
                }
                store.members().delete(member);
            });
        }
        store.suggestions().deleteSuggestedBy(deleted.userId());
    }

    private Room hosted(Viewer viewer, UUID id) {
        Room room = visibleLocked(viewer, id);
        if (!room.isHost(viewer.userId())) {
            throw RoomProblems.hostOnly();
        }
        return room;
    }

    private Room visibleLocked(Viewer viewer, UUID id) {
        Room room = store.lock(id);
        if (!room.isPublic() && !viewer.admin() && !store.members().isActive(id, viewer.userId())) {
            throw RoomProblems.notFound();
        }
        return room;
    }
}
