package dev.encore.live.room;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

import dev.encore.platform.InsertOnlyRow;

/** A track a member suggested; the host accepts it (into the queue) or rejects it. Inserted once, then deleted. */
@Table("room_suggestions")
class Suggestion extends InsertOnlyRow<UUID> {

    @Id
    private UUID id;
    private UUID roomId;
    private UUID trackId;
    private UUID suggestedBy;
    private String username;
    private Instant createdAt;

    /** For Spring Data, which fills the fields of one read from the database. */
    private Suggestion() {
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

    @Override
    public UUID getId() {
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
