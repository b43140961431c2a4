package dev.encore.library.play;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import org.springframework.data.domain.Persistable;

/** One play of a track by a user: when it started and how much of it was heard. */
@Entity
@Table(name = "plays")
public class Play implements Persistable<UUID> {

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
    /**
     * A play's id is given, not generated, so without this Spring Data would merge a new play (a
     * SELECT by id, then the INSERT) on every stream that starts one.
     */
    @Transient
    private boolean stored;

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

    @Override
    public UUID getId() {
        return id;
    }

    @Override
    public boolean isNew() {
        return !stored;
    }

    @PostLoad
    @PostPersist
    void stored() {
        stored = true;
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
}
