package dev.encore.library.play;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Persistable;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One play of a track by a user: when it started and how much of it was heard. New ones are stored
 * by {@link NewPlays}; saving one through {@link Plays} updates it.
 */
@Table("plays")
public class Play implements Persistable<UUID> {

    @Id
    private UUID id;
    private UUID trackId;
    private UUID userId;
    private Instant startedAt;
    private long msListened;
    private Instant updatedAt;

    /** For Spring Data, which fills the fields of one read from the database. */
    private Play() {
    }

    public Play(UUID id, UUID trackId, UUID userId, Instant now) {
        this.id = id;
        this.trackId = trackId;
        this.userId = userId;
        this.startedAt = now;
        this.updatedAt = now;
    }

    /** Records that {@code ms} were heard, never more than the track lasts. */
    public void listened(long ms, long durationMs, Instant now) {
        msListened = Math.max(0, Math.min(ms, durationMs));
        updatedAt = now;
    }

    UUID id() {
        return id;
    }

    @Override
    public UUID getId() {
        return id;
    }

    /** Never: a play is inserted by {@link NewPlays}, so a save is always its update. */
    @Override
    public boolean isNew() {
        return false;
    }

    public UUID trackId() {
        return trackId;
    }

    public UUID userId() {
        return userId;
    }

    Instant startedAt() {
        return startedAt;
    }

    long msListened() {
        return msListened;
    }

    Instant updatedAt() {
        return updatedAt;
    }
}
