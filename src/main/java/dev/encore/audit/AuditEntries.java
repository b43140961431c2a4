package dev.encore.audit;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.ListCrudRepository;

interface AuditEntries extends ListCrudRepository<AuditEntry, UUID>, JpaSpecificationExecutor<AuditEntry> {

    @Modifying
    @Query("delete from AuditEntry e where e.occurredAt < :cutoff")
    int deleteOlderThan(Instant cutoff);
}
