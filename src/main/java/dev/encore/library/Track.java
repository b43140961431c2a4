package dev.encore.library;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A piece of audio in a user's library, with its metadata and its stored bytes. */
@Entity
@Table(name = "tracks")
class Track {

    @Id
    private UUID id;
    @Column(name = "owner_id")
    private UUID ownerId;
    private String title;
    private String artist;
    private String album;
    private String genre;
    @Column(name = "release_year")
    private Integer year;
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
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "track_tags", joinColumns = @JoinColumn(name = "track_id"))
    @Column(name = "tag")
    private Set<String> tags = new LinkedHashSet<>();
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private long version;

    protected Track() {
    }

    Track(UUID ownerId, String sha256, String mimeType, long size, long durationMs, String filename, Instant now) {
        this.id = UUID.randomUUID();
        this.ownerId = ownerId;
        this.sha256 = sha256;
        this.mimeType = mimeType;
        this.size = size;
        this.durationMs = durationMs;
        this.filename = filename;
        this.visibility = Visibility.PRIVATE;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void describe(TrackDetails details, Instant now) {
        if (details.title() != null) {
            title = details.title().strip();
        }
        if (details.artist() != null) {
            artist = details.artist().strip();
        }
        if (details.album() != null) {
            album = blankToNull(details.album());
        }
        if (details.genre() != null) {
            genre = blankToNull(details.genre());
        }
        if (details.year() != null) {
            year = details.year();
        }
        if (details.category() != null) {
            category = blankToNull(details.category());
        }
        if (details.visibility() != null) {
            visibility = details.visibility();
        }
        if (details.tags() != null) {
            tags.clear();
            details.tags().stream().map(String::strip).filter(tag -> !tag.isEmpty()).forEach(tags::add);
        }
        if (details.featured() != null) {
            featured = details.featured();
        }
        updatedAt = now;
    }

    private static String blankToNull(String value) {
        return value.isBlank() ? null : value.strip();
    }

    UUID id() {
        return id;
    }

    UUID ownerId() {
        return ownerId;
    }

    String title() {
        return title;
    }

    String artist() {
        return artist;
    }

    String album() {
        return album;
    }

    String genre() {
        return genre;
    }

    Integer year() {
        return year;
    }

    String category() {
        return category;
    }

    Visibility visibility() {
        return visibility;
    }

    boolean featured() {
        return featured;
    }

    long durationMs() {
        return durationMs;
    }

    String sha256() {
        return sha256;
    }

    String mimeType() {
        return mimeType;
    }

    long size() {
        return size;
    }

    String filename() {
        return filename;
    }

    Set<String> tags() {
        return Set.copyOf(tags);
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
