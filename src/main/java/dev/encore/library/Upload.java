package dev.encore.library;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An uploaded file, typed by its content and probed, until it becomes library content or expires. */
@Entity
@Table(name = "uploads")
class Upload {

    @Id
    private UUID id;
    @Column(name = "owner_id")
    private UUID ownerId;
    @Enumerated(EnumType.STRING)
    private UploadKind kind;
    @Column(name = "mime_type")
    private String mimeType;
    @Column(name = "size_bytes")
    private long size;
    private String sha256;
    private String filename;
    @Column(name = "duration_ms")
    private Long durationMs;
    private String title;
    private String artist;
    private String album;
    private String genre;
    @Column(name = "release_year")
    private Integer year;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "expires_at")
    private Instant expiresAt;

    protected Upload() {
    }

    Upload(UUID ownerId, UploadKind kind, String mimeType, long size, String sha256, String filename,
            MediaInfo info, Instant now, Instant expiresAt) {
        this.id = UUID.randomUUID();
        this.ownerId = ownerId;
        this.kind = kind;
        this.mimeType = mimeType;
        this.size = size;
        this.sha256 = sha256;
        this.filename = filename;
        this.durationMs = info.durationMs();
        this.title = cut(info.title(), 255);
        this.artist = cut(info.artist(), 255);
        this.album = cut(info.album(), 255);
        this.genre = cut(info.genre(), 50);
        this.year = info.year();
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    private static String cut(String value, int max) {
        return value == null ? null : value.length() <= max ? value : value.substring(0, max);
    }

    /** It became library content: it stops counting as an upload (its row stays for the daily quota). */
    void use(Instant now) {
        expiresAt = now;
    }

    UUID id() {
        return id;
    }

    UUID ownerId() {
        return ownerId;
    }

    UploadKind kind() {
        return kind;
    }

    String mimeType() {
        return mimeType;
    }

    long size() {
        return size;
    }

    String sha256() {
        return sha256;
    }

    String filename() {
        return filename;
    }

    Long durationMs() {
        return durationMs;
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

    Instant createdAt() {
        return createdAt;
    }

    Instant expiresAt() {
        return expiresAt;
    }
}
