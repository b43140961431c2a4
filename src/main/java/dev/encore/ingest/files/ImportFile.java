package dev.encore.ingest.files;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;


import dev.encore.platform.InsertOnlyRow;
import dev.encore.platform.spi.DeliverableFiles.DeliverableFile;

/**
 * A finished item's audio file, owned by the user who asked for it. Several files (of several
 * users) may share one stored blob; the display name is metadata only and never a path.
 */
@Table("import_files")
public class ImportFile extends InsertOnlyRow<UUID> {

    @Id
    private UUID id;
    private UUID ownerId;
    private UUID importId;
    private UUID itemId;
    private String filename;
    private String mimeType;
    @Column("size_bytes")
    private long size;
    private String sha256;
    private Long durationMs;
    private Instant createdAt;
    private Instant expiresAt;

    /** For Spring Data, which fills the fields of one read from the database. */
    private ImportFile() {
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

    @Override
    public UUID getId() {
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
