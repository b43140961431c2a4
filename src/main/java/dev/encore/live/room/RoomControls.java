package dev.encore.live.room;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

import dev.encore.library.TrackCatalog;
import dev.encore.library.Viewer;
import dev.encore.library.Viewers;
import dev.encore.live.LiveCommandException;
import dev.encore.live.PlaybackState;

/**
 * The STOMP commands of a room: playback and the queue by the host, suggestions by any member. Each
 * command locks the room, checks the sender and the payload, applies the change and broadcasts it
 * after the commit; a refused command changes nothing.
 */
@Service
class RoomControls {

    /** Most queued entries and waiting suggestions per room. */
    static final int MAX_QUEUE = 500;
    static final int MAX_SUGGESTIONS = 100;

    private final RoomStore store;
    private final RoomBroadcasts broadcasts;
    private final TrackCatalog catalog;
    private final RoomTracks tracks;
    private final Viewers viewers;
    private final Clock clock;

    RoomControls(RoomStore store, RoomBroadcasts broadcasts, TrackCatalog catalog, RoomTracks tracks, Viewers viewers,
            Clock clock) {
        this.store = store;
        this.broadcasts = broadcasts;
        this.catalog = catalog;
        this.tracks = tracks;
        this.viewers = viewers;
        this.clock = clock;
    }

    /**
     * Plays from where it is (or {@code positionMs}; a track played to its end from 0); with nothing loaded,
     * the queue's first entry. A loaded track the host may no longer play is moved on from, as {@link #next}
     * does (from 0; nothing plays when the queue has nothing playable left).
     */
    @Transactional
    public void play(UUID userId, UUID roomId, Long positionMs) {
        Room room = hosted(userId, roomId);
        Instant now = settled(room);
        boolean gone = loadedButUnplayable(room);
        if (room.state().itemId() == null || gone) {
            advance(room, now);
            if (room.state().itemId() == null && !gone) {
                throw LiveCommandException.badPayload("Nothing to play: the queue is empty.");
            }
            broadcasts.queue(room);
        }
        if (room.state().itemId() != null) {
            room.apply(room.state().play(now, gone ? null : playFrom(room, positionMs, now)));
        }
        changed(room);
    }

    /** Pauses where it is (or at {@code positionMs}); a loaded track the host may no longer play is unloaded. */
    @Transactional
    public void pause(UUID userId, UUID roomId, Long positionMs) {
        Room room = hosted(userId, roomId);
        Instant now = settled(room);
        if (!unloadedUnplayable(room)) {
            room.apply(room.state().pause(now, position(room, positionMs, false)));
        }
        changed(room);
    }

    /** Moves to {@code positionMs}; a loaded track the host may no longer play is unloaded instead. */
    @Transactional
    public void seek(UUID userId, UUID roomId, Long positionMs) {
        Room room = hosted(userId, roomId);
        Instant now = settled(room);
        if (!unloadedUnplayable(room)) {
            room.apply(room.state().seek(now, position(room, positionMs, true)));
        }
        changed(room);
    }

    /**
     * The queue's first entry plays (from 0, playing or paused as before: paused after a track that played
     * to its end); an empty queue stops.
     */
    @Transactional
    public void next(UUID userId, UUID roomId) {
        Room room = hosted(userId, roomId);
        advance(room, settled(room));
        changed(room);
        broadcasts.queue(room);
    }

    /** Queues a track or a playlist's tracks the host may play; with nothing loaded, the first is loaded. */
    @Transactional
    public void add(UUID userId, UUID roomId, UUID trackId, UUID playlistId) {
        Room room = hosted(userId, roomId);
        if ((trackId == null) == (playlistId == null)) {
            throw LiveCommandException.badPayload("Give either trackId or playlistId.");
        }
        Viewer host = viewer(userId);
        List<UUID> tracks = trackId != null ? List.of(playable(host, trackId)) : playlist(host, playlistId);
        enqueue(room, tracks, userId);
    }

    @Transactional
    public void remove(UUID userId, UUID roomId, UUID entryId) {
        Room room = hosted(userId, roomId);
        List<QueueEntry> queue = new ArrayList<>(store.queue().findByRoomIdOrderByPosition(roomId));
        QueueEntry entry = entry(queue, entryId);
        queue.remove(entry);
        store.queue().delete(entry);
        renumber(queue);
        broadcasts.queue(room);
    }

    @Transactional
    public void move(UUID userId, UUID roomId, UUID entryId, Integer index) {
        Room room = hosted(userId, roomId);
        List<QueueEntry> queue = new ArrayList<>(store.queue().findByRoomIdOrderByPosition(roomId));
        QueueEntry entry = entry(queue, entryId);
        if (index == null || index < 0 || index >= queue.size()) {
            throw LiveCommandException.badPayload("index must be between 0 and " + (queue.size() - 1) + ".");
        }
        queue.remove(entry);
        queue.add(index, entry);
        renumber(queue);
        broadcasts.queue(room);
    }

    /** A member suggests a track they may play; the host accepts or rejects it. */
    @Transactional
    public void suggest(UUID userId, UUID roomId, UUID trackId) {
        Room room = store.rooms().findLockedById(roomId).orElseThrow(RoomProblems::notMember);
        RoomMember member = store.members().findByRoomIdAndUserId(roomId, userId).filter(RoomMember::active)
                .orElseThrow(RoomProblems::notMember);
        if (trackId == null) {
            throw LiveCommandException.badPayload("trackId is required.");
        }
        playable(viewer(userId), trackId);
        if (store.suggestions().findByRoomIdOrderByCreatedAt(roomId).size() >= MAX_SUGGESTIONS) {
            throw LiveCommandException.badPayload("The room has " + MAX_SUGGESTIONS + " suggestions waiting.");
        }
        store.suggestions().save(new Suggestion(roomId, trackId, userId, member.username(), clock.instant()));
        broadcasts.suggestions(room);
    }

    /** The suggested track joins the queue (if the host may play it) and the suggestion goes. */
    @Transactional
    public void accept(UUID userId, UUID roomId, UUID suggestionId) {
        Room room = hosted(userId, roomId);
        Suggestion suggestion = suggestion(roomId, suggestionId);
        UUID track = playable(viewer(userId), suggestion.trackId());
        store.suggestions().delete(suggestion);
        enqueue(room, List.of(track), suggestion.suggestedBy());
        broadcasts.suggestions(room);
    }

    @Transactional
    public void reject(UUID userId, UUID roomId, UUID suggestionId) {
        Room room = hosted(userId, roomId);
        store.suggestions().delete(suggestion(roomId, suggestionId));
        broadcasts.suggestions(room);
    }

    private void enqueue(Room room, List<UUID> tracks, UUID addedBy) {
        List<QueueEntry> queue = store.queue().findByRoomIdOrderByPosition(room.id());
        if (queue.size() + tracks.size() > MAX_QUEUE) {
            throw LiveCommandException.badPayload("A queue holds at most " + MAX_QUEUE + " tracks.");
        }
        int position = queue.isEmpty() ? 0 : queue.getLast().position() + 1;
        List<QueueEntry> added = new ArrayList<>();
        for (UUID track : tracks) {
            added.add(new QueueEntry(room.id(), track, position++, addedBy, clock.instant()));
        }
        store.queue().saveAll(added);
        if (room.state().itemId() == null && !tracks.isEmpty()) {
            advance(room, clock.instant());
            changed(room);
        }
        broadcasts.queue(room);
    }

    /**
     * Loads the queue's first entry the host may still play (taking it out of the queue), or nothing
     * when there is none. The entries before it go too: their tracks were made private by their
     * owners or deleted since they were queued, the room no longer shows them ({@link RoomViews}) and
     * playing past them is skipping them.
     */
    private void advance(Room room, Instant now) {
        List<QueueEntry> queue = new ArrayList<>(store.queue().findByRoomIdOrderByPosition(room.id()));
        Set<UUID> playable = tracks.playableBy(room.hostId(), queue.stream().map(QueueEntry::trackId).toList())
                .keySet();
        List<QueueEntry> out = new ArrayList<>(); // taken out of the queue
        QueueEntry first = null;
        while (first == null && !queue.isEmpty()) {
            QueueEntry entry = queue.removeFirst();
            if (playable.contains(entry.trackId())) {
                first = entry;
            }
            else {
                out.add(entry);
            }
        }
        room.load(first, now);
        if (first != null) {
            out.add(first);
        }
        if (!out.isEmpty()) {
            store.queue().deleteAll(out);
            renumber(queue);
        }
    }

    /**
     * Whether the loaded track is one the host may no longer play: deleted, made private by another owner,
     * or the track of a host who left it to one who may not play it. The room no longer shows it
     * ({@link RoomViews}), so it must not go on playing, paused or seeked either.
     */
    private boolean loadedButUnplayable(Room room) {
        UUID loaded = room.state().itemId();
        return loaded != null && !tracks.mayPlay(room.hostId(), loaded);
    }

    /** Unloads a loaded track the host may no longer play (nothing plays; the queue stays): whether it did. */
    private boolean unloadedUnplayable(Room room) {
        if (!loadedButUnplayable(room)) {
            return false;
        }
        room.load(null, clock.instant());
        return true;
    }

    /** Positions 0, 1, 2… in the list's order; the entries that moved are saved. */
    private void renumber(List<QueueEntry> queue) {
        List<QueueEntry> moved = new ArrayList<>();
        for (int i = 0; i < queue.size(); i++) {
            if (queue.get(i).moveTo(i)) {
                moved.add(queue.get(i));
            }
        }
        store.queue().saveAll(moved);
    }

    /**
     * The room's state as it stands now (a track that played to its end paused there, so a command re-anchors
     * within the track): the instant it was taken at.
     */
    private Instant settled(Room room) {
        Instant now = clock.instant();
        room.apply(tracks.stateAt(room, now));
        return now;
    }

    /** The room's playback state changed: saved (version-checked, never past the track's end), then broadcast. */
    private void changed(Room room) {
        settled(room);
        store.rooms().save(room);
        broadcasts.state(room);
    }

    /** A position for the loaded track: ≥ 0 and not past its end; null keeps where it is unless required. */
    private Long position(Room room, Long positionMs, boolean required) {
        PlaybackState state = room.state();
        if (state.itemId() == null) {
            throw LiveCommandException.badPayload("Nothing is loaded: queue a track first.");
        }
        if (positionMs == null) {
            if (required) {
                throw LiveCommandException.badPayload("positionMs is required.");
            }
            return null;
        }
        long duration = tracks.durationMs(state.itemId());
        if (positionMs < 0 || positionMs > duration) {
            throw LiveCommandException.badPayload("positionMs must be between 0 and " + duration + ".");
        }
        return positionMs;
    }

    /** Where {@code play} starts: the position asked for, else where it is (a track played to its end: 0). */
    private Long playFrom(Room room, Long positionMs, Instant now) {
        Long asked = position(room, positionMs, false);
        if (asked == null && room.state().positionAt(now) >= tracks.durationMs(room.state().itemId())) {
            return 0L;
        }
        return asked;
    }

    private Room hosted(UUID userId, UUID roomId) {
        Room room = store.rooms().findLockedById(roomId).orElseThrow(RoomProblems::notMember);
        if (!room.isHost(userId)) {
            throw store.members().isActive(roomId, userId) ? LiveCommandException.notHost() : RoomProblems.notMember();
        }
        return room;
    }

    private Viewer viewer(UUID userId) {
        return viewers.current(userId).orElseThrow(RoomProblems::notMember);
    }

    private UUID playable(Viewer viewer, UUID trackId) {
        return catalog.playable(viewer, trackId).map(TrackCatalog.Card::id)
                .orElseThrow(() -> LiveCommandException.badPayload("No such track for you: " + trackId + "."));
    }

    private List<UUID> playlist(Viewer viewer, UUID playlistId) {
        try {
            return catalog.playlist(viewer, playlistId).stream().map(TrackCatalog.Card::id).toList();
        }
        catch (ErrorResponseException notFound) {
            throw LiveCommandException.badPayload("No such playlist for you: " + playlistId + ".");
        }
    }

    private static QueueEntry entry(List<QueueEntry> queue, UUID entryId) {
        return queue.stream().filter(entry -> entry.id().equals(entryId)).findFirst()
                .orElseThrow(() -> LiveCommandException.badPayload("No such queue entry: " + entryId + "."));
    }

    private Suggestion suggestion(UUID roomId, UUID suggestionId) {
        return store.suggestions().findById(suggestionId == null ? new UUID(0, 0) : suggestionId)
                .filter(found -> found.roomId().equals(roomId))
                .orElseThrow(() -> LiveCommandException.badPayload("No such suggestion: " + suggestionId + "."));
    }
}
