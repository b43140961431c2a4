package dev.encore.live.room;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A track a member suggested; the host accepts it (into the queue) or rejects it. */
@Entity
@Table(name = "room_suggestions")
class Suggestion {

    @Id
    private UUID id;
    @Column(name = "room_id")
    private UUID roomId;
    @Column(name = "track_id")
    private UUID trackId;
    @Column(name = "suggested_by")
    private UUID suggestedBy;
    private String username;
    @Column(name = "created_at")
    private Instant createdAt;

    protected Suggestion() {
    }

    Suggestion(UUID roomId, UUID trackId, UUID suggestedBy, String username, Instant now) {
        this.id = UUID.randomUUID();
        this.roomId = roomId;
        this.trackId = trackId;
        this.suggestedBy = suggestedBy;
        this.username = username;
        this.createdAt = now;
    }

    UUID id() {
        return id;
    }

    UUID roomId() {
        return roomId;
    }

    UUID trackId() {
        return trackId;
    }

    UUID suggestedBy() {
        return suggestedBy;
    }

    String username() {
        return username;
    }

    Instant createdAt() {
        return createdAt;
    }
}
