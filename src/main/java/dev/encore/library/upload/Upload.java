package dev.encore.library.upload;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;


import dev.encore.library.media.MediaInfo;
import dev.encore.platform.BlobStore;
import dev.encore.platform.InsertOnlyRow;

/**
 * An uploaded file, typed by its content and probed, until it becomes library content or expires.
 * Stored once; {@link Uploads#markUsed} is its one change.
 */
@Table("uploads")
public class Upload extends InsertOnlyRow<UUID> {

    @Id
    private UUID id;
    private UUID ownerId;
    private UploadKind kind;
    private String mimeType;
    @Column("size_bytes")
    private long size;
    private String sha256;
    private String filename;
    private Long durationMs;
    private String title;
    private String artist;
    private String album;
    private String genre;
    @Column("release_year")
    private Integer year;
    private String codec;
    private Long bitRate;
    private Integer trackNumber;
    private Boolean hasVideo;
    private String coverSha256;
    private Instant createdAt;
    private Instant expiresAt;

    /** For Spring Data, which fills the fields of one read from the database. */
    private Upload() {
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

    /** {@code value} cut to at most {@code max} characters (code points, as the request limits count them: a pair is never split). */
    static String cut(String value, int max) {
        return value == null || value.codePointCount(0, value.length()) <= max ? value
                : value.substring(0, value.offsetByCodePoints(0, max));
    }

    public UUID id() {
        return id;
    }

    @Override
    public UUID getId() {
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
