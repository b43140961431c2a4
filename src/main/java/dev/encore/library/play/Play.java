package dev.encore.library.play;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One play of a track by a user: when it started and how much of it was heard. New ones are stored by {@link NewPlays}. */
@Entity
@Table(name = "plays")
public class Play {

    @Id
    private UUID id;
    @Column(name = "track_id")
    private UUID trackId;
    @Column(name = "user_id")
    private UUID userId;
    @Column(name = "started_at")
    private Instant startedAt;
    @Column(name = "ms_listened")
    private long msListened;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected Play() {
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
