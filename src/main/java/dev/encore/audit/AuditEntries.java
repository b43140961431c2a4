package dev.encore.audit;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface AuditEntries extends ListCrudRepository<AuditEntry, UUID> {

    @Modifying
    @Query("DELETE FROM audit_entries WHERE occurred_at < :cutoff")
    int deleteOlderThan(Instant cutoff);
}
