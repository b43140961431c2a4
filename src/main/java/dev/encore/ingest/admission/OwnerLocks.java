package dev.encore.ingest.admission;

import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface OwnerLocks extends JpaRepository<OwnerLock, UUID> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select l from OwnerLock l where l.ownerId = :ownerId")
    Optional<OwnerLock> lock(@Param("ownerId") UUID ownerId);
}
