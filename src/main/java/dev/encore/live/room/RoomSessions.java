package dev.encore.live.room;

import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.encore.live.LiveKind;
import dev.encore.live.LiveSessions;

/** Rooms as the live core sees them: members join the topic and chat; the host moderates. */
@Component
class RoomSessions implements LiveSessions {

    private final RoomStore store;
    private final RoomViews views;

    RoomSessions(RoomStore store, RoomViews views) {
        this.store = store;
        this.views = views;
    }

    @Override
    public LiveKind kind() {
        return LiveKind.ROOM;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean mayJoin(UUID userId, UUID sessionId) {
        return store.members().isActive(sessionId, userId);
    }

    @Override
    @Transactional(readOnly = true)
    public boolean mayModerate(UUID userId, UUID sessionId) {
        return store.rooms().findById(sessionId).filter(room -> room.isHost(userId)).isPresent();
    }

    @Override
    @Transactional(readOnly = true)
    public boolean chatEnabled(UUID sessionId) {
        return store.rooms().existsById(sessionId);
    }

    /** The room as {@link RoomView}, with the joiner's stream URLs (and the invite, for the host). */
    @Override
    @Transactional(readOnly = true)
    public Object snapshot(UUID sessionId, UUID forUser) {
        return store.rooms().findById(sessionId).map(room -> views.of(room, forUser, false)).orElse(null);
    }
}
