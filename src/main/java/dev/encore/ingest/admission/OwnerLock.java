package dev.encore.ingest.admission;

import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

import dev.encore.platform.InsertOnlyRow;

/** A row per importing user, locked while that user's admission checks run (any node). */
@Table("import_owner_locks")
class OwnerLock extends InsertOnlyRow<UUID> {

    @Id
    private final UUID ownerId;

    OwnerLock(UUID ownerId) {
        this.ownerId = ownerId;
    }

    @Override
    public UUID getId() {
        return ownerId;
    }
}
