package dev.encore.library.upload;

import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

import dev.encore.platform.StoredRow;


/**
 * A resumable (tus) upload: its declared length (reserved in the quotas until it is finished), how
 * much has arrived, the staging directory its bytes are appended to, and once finished the
 * {@link Upload} it became.
 */
@Table("tus_uploads")
class TusUpload extends StoredRow<UUID> {

    @Id
    private UUID id;
    private UUID ownerId;
    @Column("upload_length")
    private long length;
    @Column("upload_offset")
    private long offset;
    private String filename;
    private String stagingDir;
    private UUID uploadId;
    private Instant createdAt;
    private Instant expiresAt;

    /** For Spring Data, which fills the fields of one read from the database. */
    private TusUpload() {
        super(true);
    }

    TusUpload(UUID ownerId, long length, String filename, Path stagingDir, Instant now, Instant expiresAt) {
        super(false);
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

    @Override
    public UUID getId() {
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
