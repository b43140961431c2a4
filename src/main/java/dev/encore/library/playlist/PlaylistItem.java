package dev.encore.library.playlist;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;


/** A track's place in a playlist (a track may appear more than once). */
@Table("playlist_items")
class PlaylistItem {

    @Id
    private UUID id;
    private UUID trackId;
    private int position;
    private Instant addedAt;

    /** For Spring Data, which fills the fields of one read from the database. */
    private PlaylistItem() {
    }

    PlaylistItem(UUID trackId, Instant now) {
        this.id = UUID.randomUUID();
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
