package dev.encore.ingest.admission;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row per importing user, locked while that user's admission checks run (any node). */
@Entity
@Table(name = "import_owner_locks")
class OwnerLock {

    @Id
    @Column(name = "owner_id")
    private UUID ownerId;

    protected OwnerLock() {
    }

    OwnerLock(UUID ownerId) {
        this.ownerId = ownerId;
    }
}
