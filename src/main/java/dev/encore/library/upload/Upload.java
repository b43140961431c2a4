package dev.encore.library.upload;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.encore.library.media.MediaInfo;
import dev.encore.platform.BlobStore;

/** An uploaded file, typed by its content and probed, until it becomes library content or expires. */
@Entity
@Table(name = "uploads")
public class Upload {

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
    private String codec;
    @Column(name = "bit_rate")
    private Long bitRate;
    @Column(name = "track_number")
    private Integer trackNumber;
    @Column(name = "has_video")
    private Boolean hasVideo;
    @Column(name = "cover_sha256")
    private String coverSha256;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "expires_at")
    private Instant expiresAt;

    protected Upload() {
    }

    /**
     * What arrived.
     *
     * @param ownerId  who sent it
     * @param kind     what the bytes are
     * @param mimeType the detected type
     * @param filename the sent name, sanitized
     * @param hasVideo for a video: whether it has a moving picture; null for other kinds
     */
    record Received(UUID ownerId, UploadKind kind, String mimeType, String filename, Boolean hasVideo) {
    }

    Upload(Received received, BlobStore.StoredBlob blob, MediaInfo info, String coverSha256, Instant now,
            Instant expiresAt) {
        this.id = UUID.randomUUID();
        this.ownerId = received.ownerId();
        this.kind = received.kind();
        this.mimeType = received.mimeType();
        this.size = blob.size();
        this.sha256 = blob.sha256();
        this.filename = received.filename();
        this.hasVideo = received.hasVideo();
        this.coverSha256 = coverSha256;
        this.codec = cut(info.codec(), 32);
        this.bitRate = info.bitRate();
        this.trackNumber = info.trackNumber();
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

    public UUID id() {
        return id;
    }

    public UUID ownerId() {
        return ownerId;
    }

    public UploadKind kind() {
        return kind;
    }

    public String mimeType() {
        return mimeType;
    }

    public long size() {
        return size;
    }

    public String sha256() {
        return sha256;
    }

    public String filename() {
        return filename;
    }

    public Long durationMs() {
        return durationMs;
    }

    public String title() {
        return title;
    }

    public String artist() {
        return artist;
    }

    public String album() {
        return album;
    }

    public String genre() {
        return genre;
    }

    public Integer year() {
        return year;
    }

    String codec() {
        return codec;
    }

    Long bitRate() {
        return bitRate;
    }

    Integer trackNumber() {
        return trackNumber;
    }

    /**
     * For a video upload: whether ffprobe found a moving picture in it; null when not checked (other
     * kinds, or uploads made before the check existed).
     */
    public Boolean hasVideo() {
        return hasVideo;
    }

    /** The embedded cover picture, stored as its own blob, if the file had one. */
    public String coverSha256() {
        return coverSha256;
    }

    public Instant createdAt() {
        return createdAt;
    }

    Instant expiresAt() {
        return expiresAt;
    }
}
