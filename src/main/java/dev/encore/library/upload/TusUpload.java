package dev.encore.library.upload;

import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A resumable (tus) upload: its declared length (reserved in the quotas until it is finished), how
 * much has arrived, the staging directory its bytes are appended to, and once finished the
 * {@link Upload} it became.
 */
@Entity
@Table(name = "tus_uploads")
class TusUpload {

    @Id
    private UUID id;
    @Column(name = "owner_id")
    private UUID ownerId;
    @Column(name = "upload_length")
    private long length;
    @Column(name = "upload_offset")
    private long offset;
    private String filename;
    @Column(name = "staging_dir")
    private String stagingDir;
    @Column(name = "upload_id")
    private UUID uploadId;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "expires_at")
    private Instant expiresAt;

    protected TusUpload() {
    }

    TusUpload(UUID ownerId, long length, String filename, Path stagingDir, Instant now, Instant expiresAt) {
        this.id = UUID.randomUUID();
        this.ownerId = ownerId;
        this.length = length;
        this.filename = filename;
        this.stagingDir = stagingDir.toString();
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    /** Bytes up to {@code newOffset} have arrived. */
    void advance(long newOffset) {
        if (newOffset < offset || newOffset > length) {
            throw new IllegalArgumentException("offset " + newOffset + " outside " + offset + ".." + length);
        }
        offset = newOffset;
    }

    /** Every byte arrived and became {@code upload}. */
    void complete(UUID upload) {
        if (offset != length) {
            throw new IllegalStateException("incomplete");
        }
        uploadId = upload;
    }

    boolean allArrived() {
        return offset == length;
    }

    boolean completed() {
        return uploadId != null;
    }

    long remaining() {
        return length - offset;
    }

    /** The file the bytes are appended to. */
    Path data() {
        return stagingDir().resolve("data");
    }

    Path stagingDir() {
        return Path.of(stagingDir);
    }

    UUID id() {
        return id;
    }

    UUID ownerId() {
        return ownerId;
    }

    long length() {
        return length;
    }

    long offset() {
        return offset;
    }

    String filename() {
        return filename;
    }

    UUID uploadId() {
        return uploadId;
    }

    Instant expiresAt() {
        return expiresAt;
    }
}
