package dev.encore.library.content;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

import dev.encore.library.Visibility;

/**
 * What every piece of playable library content has: an owner, a title, visibility and featuring,
 * tags, and the stored bytes it plays. Tracks and videos add their own fields and tag tables.
 */
@MappedSuperclass
public abstract class LibraryContent {

    @Id
    private UUID id;
    @Column(name = "owner_id")
    private UUID ownerId;
    private String title;
    private String category;
    @Enumerated(EnumType.STRING)
    private Visibility visibility;
    private boolean featured;
    @Column(name = "duration_ms")
    private long durationMs;
    private String sha256;
    @Column(name = "mime_type")
    private String mimeType;
    @Column(name = "size_bytes")
    private long size;
    private String filename;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private long version;

    protected LibraryContent() {
    }

    protected LibraryContent(UUID ownerId, StoredMedia media, Instant now) {
        this.id = UUID.randomUUID();
        this.ownerId = ownerId;
        this.sha256 = media.sha256();
        this.mimeType = media.mimeType();
        this.size = media.size();
        this.durationMs = media.durationMs();
        this.filename = media.filename();
        this.visibility = Visibility.PRIVATE;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** The subclass's own tag collection (mapped to its own table), changed in place. */
    protected abstract Set<String> tagCollection();

    /** Changes what is given (null: unchanged); blank category clears it. */
    protected void describe(String newTitle, String newCategory, Visibility newVisibility, List<String> newTags,
            Boolean nowFeatured, Instant now) {
        if (newTitle != null) {
            title = newTitle.strip();
        }
        if (newCategory != null) {
            category = blankToNull(newCategory);
        }
        if (newVisibility != null) {
            visibility = newVisibility;
        }
        if (newTags != null) {
            Set<String> tags = tagCollection();
            tags.clear();
            newTags.stream().map(String::strip).filter(tag -> !tag.isEmpty()).forEach(tags::add);
        }
        if (nowFeatured != null) {
            featured = nowFeatured;
        }
        updatedAt = now;
    }

    protected static String blankToNull(String value) {
        return value.isBlank() ? null : value.strip();
    }

    public UUID id() {
        return id;
    }

    public UUID ownerId() {
        return ownerId;
    }

    public String title() {
        return title;
    }

    public String category() {
        return category;
    }

    public Visibility visibility() {
        return visibility;
    }

    public boolean featured() {
        return featured;
    }

    public long durationMs() {
        return durationMs;
    }

    public String sha256() {
        return sha256;
    }

    public String mimeType() {
        return mimeType;
    }

    public long size() {
        return size;
    }

    public String filename() {
        return filename;
    }

    /** The blobs this content keeps alive: its file (tracks add their cover). */
    public Stream<String> blobs() {
        return Stream.of(sha256);
    }

    public List<String> sortedTags() {
        return tagCollection().stream().sorted().toList();
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }
}
