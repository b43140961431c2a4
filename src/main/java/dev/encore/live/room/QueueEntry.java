package dev.encore.live.room;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A track waiting in a room's queue, at a 0-based position. */
@Entity
@Table(name = "room_queue")
class QueueEntry {

    @Id
    private UUID id;
    @Column(name = "room_id")
    private UUID roomId;
    @Column(name = "track_id")
    private UUID trackId;
    private int position;
    @Column(name = "added_by")
    private UUID addedBy;
    @Column(name = "added_at")
    private Instant addedAt;

    protected QueueEntry() {
    }

    QueueEntry(UUID roomId, UUID trackId, int position, UUID addedBy, Instant now) {
        this.id = UUID.randomUUID();
        this.roomId = roomId;
        this.trackId = trackId;
        this.position = position;
        this.addedBy = addedBy;
        this.addedAt = now;
    }

    void moveTo(int newPosition) {
        position = newPosition;
    }

    UUID id() {
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
