package dev.encore.library.upload;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.ReadOnlyProperty;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

import dev.encore.platform.StoredRow;


/**
 * A resumable (tus) upload: its declared length (reserved in the quotas until it is finished), how
 * much has arrived (its chunks, {@link TusChunks}), and once finished the {@link Upload} it became.
 * Saved once, when it is created: every later change is a conditional update of {@link TusLeases},
 * made by the request that holds the upload's lease.
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
    /** Where a node kept the bytes before uploads moved into the blob store (Encore before V90). */
    @ReadOnlyProperty
    private String stagingDir;
    /** The part the lease holder writes (or a dead one wrote) the bytes from the offset to. */
    @ReadOnlyProperty
    private String pendingPart;
    private UUID uploadId;
    private Instant createdAt;
    private Instant expiresAt;

    /** For Spring Data, which fills the fields of one read from the database. */
    private TusUpload() {
        super(true);
    }

    TusUpload(UUID ownerId, long length, String filename, Instant now, Instant expiresAt) {
        super(false);
        this.id = UUID.randomUUID();
        this.ownerId = ownerId;
        this.length = length;
        this.filename = filename;
        this.createdAt = now;
        this.expiresAt = expiresAt;
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

    /** Whether its bytes were left on one node's disk by an Encore before V90: it cannot go on. */
    boolean legacy() {
        return stagingDir != null && uploadId == null;
    }

    String pendingPart() {
        return pendingPart;
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
