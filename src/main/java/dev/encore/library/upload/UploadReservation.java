package dev.encore.library.upload;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

import dev.encore.platform.InsertOnlyRow;

/**
 * The size of a single-request upload held in its owner's quotas while the upload is inspected and
 * stored: counted from the moment it passes the quota check, so that concurrent uploads see it.
 */
@Table("upload_reservations")
class UploadReservation extends InsertOnlyRow<UUID> {

    @Id
    private UUID id;
    private UUID ownerId;
    @Column("size_bytes")
    private long size;
    private Instant createdAt;
    private Instant expiresAt;

    /** For Spring Data, which fills the fields of one read from the database. */
    private UploadReservation() {
    }

    UploadReservation(UUID ownerId, long size, Instant now, Instant expiresAt) {
        this.id = UUID.randomUUID();
        this.ownerId = ownerId;
        this.size = size;
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    UUID id() {
        return id;
    }

    @Override
    public UUID getId() {
        return id;
    }
}
