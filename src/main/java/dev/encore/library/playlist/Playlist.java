package dev.encore.library.playlist;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * An ordered list of tracks. Every change (metadata or items) bumps the version, which is the
 * ETag clients send back in If-Match: a stale edit is refused instead of silently overwriting.
 */
@Entity
@Table(name = "playlists")
public class Playlist {

    @Id
    private UUID id;
    @Column(name = "owner_id")
    private UUID ownerId;
    private String name;
    private String description;
    @Column(name = "is_public")
    private boolean isPublic;
    @Column(name = "share_token")
    private String shareToken;
    @OneToMany(mappedBy = "playlist", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<PlaylistItem> items = new ArrayList<>();
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private long version;

    protected Playlist() {
    }

    Playlist(UUID ownerId, String name, String description, boolean isPublic, Instant now) {
        this.id = UUID.randomUUID();
        this.ownerId = ownerId;
        this.name = name.strip();
        this.description = description;
        this.isPublic = isPublic;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void rename(String newName, String newDescription, Boolean nowPublic, Instant now) {
        if (newName != null) {
            name = newName.strip();
        }
        if (newDescription != null) {
            description = newDescription.isBlank() ? null : newDescription;
        }
        if (nowPublic != null) {
            isPublic = nowPublic;
        }
        updatedAt = now;
    }

    PlaylistItem add(UUID trackId, Integer position, Instant now) {
        int at = position == null ? items.size() : Math.max(0, Math.min(position, items.size()));
        PlaylistItem item = new PlaylistItem(this, trackId, now);
        items.add(at, item);
        renumber(now);
        return item;
    }

    boolean remove(UUID itemId, Instant now) {
        boolean removed = items.removeIf(item -> item.id().equals(itemId));
        if (removed) {
            renumber(now);
        }
        return removed;
    }

    /** Puts the items in the given order; it must name every item exactly once. */
    boolean reorder(List<UUID> order, Instant now) {
        if (order.size() != items.size() || order.stream().distinct().count() != order.size()) {
            return false;
        }
        List<PlaylistItem> sorted = new ArrayList<>();
        for (UUID itemId : order) {
            PlaylistItem item = items.stream().filter(candidate -> candidate.id().equals(itemId)).findFirst()
                    .orElse(null);
            if (item == null) {
                return false;
            }
            sorted.add(item);
        }
        items.clear();
        items.addAll(sorted);
        renumber(now);
        return true;
    }

    void share(String token, Instant now) {
        shareToken = token;
        updatedAt = now;
    }

    private void renumber(Instant now) {
        for (int position = 0; position < items.size(); position++) {
            items.get(position).moveTo(position);
        }
        updatedAt = now; // a change of the items is a change of the playlist: new version
    }

    public UUID id() {
        return id;
    }

    public UUID ownerId() {
        return ownerId;
    }

    public String name() {
        return name;
    }

    String description() {
        return description;
    }

    public boolean isPublic() {
        return isPublic;
    }

    String shareToken() {
        return shareToken;
    }

    List<PlaylistItem> items() {
        return List.copyOf(items);
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    long version() {
        return version;
    }
}
