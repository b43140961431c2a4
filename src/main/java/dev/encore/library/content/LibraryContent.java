package dev.encore.library.content;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Column;

import dev.encore.library.Visibility;

/**
 * What every piece of playable library content has: an owner, a title, visibility and featuring,
 * tags, and the stored bytes it plays. Tracks, videos and presentations add their own fields and
 * tag tables (a Spring Data JDBC aggregate each; the tags are a collection of rows it owns).
 */
public abstract class LibraryContent {

    @Id
    private UUID id;
    private UUID ownerId;
    private String title;
    private String category;
    private Visibility visibility;
    private boolean featured;
    private long durationMs;
    private String sha256;
    private String mimeType;
    @Column("size_bytes")
    private long size;
    private String filename;
    private Instant createdAt;
    private Instant updatedAt;
    /** None until it is first stored (how Spring Data tells new content), then counted up by every save. */
    @Version
    private Long version;

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

    /** The tags, from the subclass's own tag rows. */
    protected abstract Stream<String> tagNames();

    /** Replaces the subclass's tag rows with these (stripped, not blank, each once). */
    protected abstract void retag(Set<String> tags);

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
            retag(newTags.stream().map(String::strip).filter(tag -> !tag.isEmpty())
                    .collect(Collectors.toCollection(LinkedHashSet::new)));
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
        return tagNames().sorted().toList();
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /** The version clients see (ETag); 0 until stored. */
    public long version() {
        return version == null ? 0 : version;
    }
}
