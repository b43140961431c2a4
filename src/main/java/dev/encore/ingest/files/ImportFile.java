package dev.encore.ingest.files;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.encore.platform.spi.DeliverableFiles.DeliverableFile;

/**
 * A finished item's audio file, owned by the user who asked for it. Several files (of several
 * users) may share one stored blob; the display name is metadata only and never a path.
 */
@Entity
@Table(name = "import_files")
public class ImportFile {

    @Id
    private UUID id;
    @Column(name = "owner_id")
    private UUID ownerId;
    @Column(name = "import_id")
    private UUID importId;
    @Column(name = "item_id")
    private UUID itemId;
    private String filename;
    @Column(name = "mime_type")
    private String mimeType;
    @Column(name = "size_bytes")
    private long size;
    private String sha256;
    @Column(name = "duration_ms")
    private Long durationMs;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "expires_at")
    private Instant expiresAt;

    protected ImportFile() {
    }

    ImportFile(UUID ownerId, UUID importId, UUID itemId, String filename, String mimeType, long size, String sha256,
            Long durationMs, Instant createdAt, Instant expiresAt) {
        this.id = UUID.randomUUID();
        this.ownerId = ownerId;
        this.importId = importId;
        this.itemId = itemId;
        this.filename = filename;
        this.mimeType = mimeType;
        this.size = size;
        this.sha256 = sha256;
        this.durationMs = durationMs;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    public UUID id() {
        return id;
    }

    UUID ownerId() {
        return ownerId;
    }

    UUID importId() {
        return importId;
    }

    public String sha256() {
        return sha256;
    }

    long size() {
        return size;
    }

    DeliverableFile deliverable() {
        return new DeliverableFile(id, ownerId, filename, mimeType, size, sha256, durationMs, createdAt, expiresAt);
    }
}
