package dev.encore.live.room;

import java.time.Clock;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.encore.live.LiveJoined;
import dev.encore.live.LiveKind;
import dev.encore.live.LiveLeft;
import dev.encore.live.LivePresence;

/**
 * Follows members' live connections: a member who connects is present (their grace ends); one whose
 * last connection went is absent from now, and a room nobody is connected to is empty from now.
 * {@link RoomSweeper} acts on both after their time.
 */
@Component
class RoomPresence {

    private final RoomStore store;
    private final LivePresence presence;
    private final Clock clock;

    RoomPresence(RoomStore store, LivePresence presence, Clock clock) {
        this.store = store;
        this.presence = presence;
        this.clock = clock;
    }

    @EventListener
    @Transactional
    public void on(LiveJoined joined) {
        if (joined.kind() != LiveKind.ROOM) {
            return;
        }
        store.members().present(joined.sessionId(), joined.userId());
        store.rooms().somebodyHere(joined.sessionId());
    }

    @EventListener
    @Transactional
    public void on(LiveLeft left) {
        if (left.kind() != LiveKind.ROOM) {
            return;
        }
        store.members().absent(left.sessionId(), left.userId(), clock.instant());
        if (presence.count(LiveKind.ROOM, left.sessionId()) == 0) {
            store.rooms().nobodyHere(left.sessionId(), clock.instant());
        }
    }
}
