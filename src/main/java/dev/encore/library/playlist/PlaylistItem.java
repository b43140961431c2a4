package dev.encore.library.playlist;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A track's place in a playlist (a track may appear more than once). */
@Entity
@Table(name = "playlist_items")
class PlaylistItem {

    @Id
    private UUID id;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "playlist_id")
    private Playlist playlist;
    @Column(name = "track_id")
    private UUID trackId;
    private int position;
    @Column(name = "added_at")
    private Instant addedAt;

    protected PlaylistItem() {
    }

    PlaylistItem(Playlist playlist, UUID trackId, Instant now) {
        this.id = UUID.randomUUID();
        this.playlist = playlist;
        this.trackId = trackId;
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

    Instant addedAt() {
        return addedAt;
    }
}
