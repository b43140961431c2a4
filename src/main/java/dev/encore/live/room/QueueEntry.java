package dev.encore.live.room;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

import dev.encore.platform.StoredRow;

/**
 * A track waiting in a room's queue, at a 0-based position. Changed only by the host's commands,
 * with the room locked: a moved entry is saved ({@link RoomControls}).
 */
@Table("room_queue")
class QueueEntry extends StoredRow<UUID> {

    @Id
    private UUID id;
    private UUID roomId;
    private UUID trackId;
    private int position;
    private UUID addedBy;
    private Instant addedAt;

    /** For Spring Data, which fills the fields of one read from the database. */
    private QueueEntry() {
        super(true);
    }

    QueueEntry(UUID roomId, UUID trackId, int position, UUID addedBy, Instant now) {
        super(false);
        this.id = UUID.randomUUID();
        this.roomId = roomId;
        this.trackId = trackId;
        this.position = position;
        this.addedBy = addedBy;
        this.addedAt = now;
    }

    /** @return whether the position changed (then the entry needs a save) */
    boolean moveTo(int newPosition) {
        boolean moved = position != newPosition;
        position = newPosition;
        return moved;
    }

    UUID id() {
        return id;
    }

    @Override
    public UUID getId() {
        return id;
    }

    UUID trackId() {
        return trackId;
    }

    int position() {
        return position;
    }

    UUID addedBy() {
        return addedBy;
    }
}
