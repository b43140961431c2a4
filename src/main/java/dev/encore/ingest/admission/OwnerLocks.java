package dev.encore.ingest.admission;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.relational.core.sql.LockMode;
import org.springframework.data.relational.repository.Lock;
import org.springframework.data.repository.ListCrudRepository;

interface OwnerLocks extends ListCrudRepository<OwnerLock, UUID> {

    /** The row, locked until the transaction ends ({@code SELECT … FOR UPDATE}). */
    @Lock(LockMode.PESSIMISTIC_WRITE)
    Optional<OwnerLock> findByOwnerId(UUID ownerId);
}
