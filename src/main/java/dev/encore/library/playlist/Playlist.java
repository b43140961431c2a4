package dev.encore.library.playlist;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;


/**
 * An ordered list of tracks. Every change (metadata or items) bumps the version, which is the
 * ETag clients send back in If-Match: a stale edit is refused instead of silently overwriting.
 */
@Table("playlists")
public class Playlist {

    @Id
    private UUID id;
    private UUID ownerId;
    private String name;
    private String description;
    private boolean isPublic;
    private String shareToken;
    /**
     * Saved with the playlist: its rows are replaced by every save. Their order is their
     * {@code position}, 0..n-1 after every change (a deleted track's items are taken out through
     * {@link #removeTracks}, which closes up the rest as {@link #remove} does).
     */
    @MappedCollection(idColumn = "playlist_id")
    private Set<PlaylistItem> items = new LinkedHashSet<>();
    private Instant createdAt;
    private Instant updatedAt;
    /** None until it is first stored (how Spring Data tells a new playlist), then counted up by every save. */
    @Version
    private Long version;

    /** For Spring Data, which fills the fields of one read from the database. */
    private Playlist() {
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

    /** Adds a track at {@code position} (null: the end), which must lie between 0 and the number of items. */
    PlaylistItem add(UUID trackId, Integer position, Instant now) {
        List<PlaylistItem> ordered = ordered();
        int at = position == null ? ordered.size() : position;
        if (at < 0 || at > ordered.size()) {
            throw new IllegalArgumentException("position " + at + " is outside 0.." + ordered.size());
        }
        PlaylistItem item = new PlaylistItem(trackId, now);
        ordered.add(at, item);
        renumber(ordered, now);
        return item;
    }

    /** Whether it held that item: false changes nothing. */
    boolean remove(UUID itemId, Instant now) {
        return removeIf(item -> item.id().equals(itemId), now);
    }

    /** Takes out every item of these tracks (deleted ones); whether it held any: false changes nothing. */
    boolean removeTracks(Set<UUID> trackIds, Instant now) {
        return removeIf(item -> trackIds.contains(item.trackId()), now);
    }

    /** The others close up, so positions stay 0..n-1. */
    private boolean removeIf(Predicate<PlaylistItem> which, Instant now) {
        List<PlaylistItem> ordered = ordered();
        boolean removed = ordered.removeIf(which);
        if (removed) {
            renumber(ordered, now);
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
        renumber(sorted, now);
        return true;
    }

    void share(String token, Instant now) {
        shareToken = token;
        updatedAt = now;
    }

    /** The share link stops working; sharing again gives a new one. Whether it was shared: false changes nothing. */
    boolean unshare(Instant now) {
        if (shareToken == null) {
            return false;
        }
        shareToken = null;
        updatedAt = now;
        return true;
    }

    private void renumber(List<PlaylistItem> ordered, Instant now) {
        for (int position = 0; position < ordered.size(); position++) {
            ordered.get(position).moveTo(position);
        }
        items = new LinkedHashSet<>(ordered);
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

    /** The items in their order. */
    List<PlaylistItem> items() {
        return List.copyOf(ordered());
    }

    /** The items in their order, in a list of its own to change. */
    private List<PlaylistItem> ordered() {
        List<PlaylistItem> ordered = new ArrayList<>(items);
        ordered.sort(Comparator.comparingInt(PlaylistItem::position));
        return ordered;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    /** The version clients see (ETag); 0 until stored. */
    long version() {
        return version == null ? 0 : version;
    }
}
