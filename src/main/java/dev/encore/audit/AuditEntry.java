package dev.encore.audit;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.relational.core.mapping.Table;

import dev.encore.platform.InsertOnlyRow;

/**
 * One stored audit event; never changed after it is written, so saving one always inserts it (its
 * id is the event's, assigned before it is stored).
 */
@Table("audit_entries")
class AuditEntry extends InsertOnlyRow<UUID> {

    @Id
    private UUID id;
    private String type;
    private String actorId;
    private String targetId;
    private String clientIp;
    private String userAgent;
    private String requestId;
    private Instant occurredAt;
    private String details;

    /** @param id the audit event's id: one entry per event, however often it is delivered */
    @PersistenceCreator
    AuditEntry(UUID id, String type, String actorId, String targetId, String clientIp, String userAgent,
            String requestId, Instant occurredAt, String details) {
        this.id = id;
        this.type = type;
        this.actorId = actorId;
        this.targetId = targetId;
        this.clientIp = clientIp;
        this.userAgent = userAgent;
        this.requestId = requestId;
        this.occurredAt = occurredAt;
        this.details = details;
    }

    @Override
    public UUID getId() {
        return id;
    }

    String type() {
        return type;
    }

    String actorId() {
        return actorId;
    }

    String targetId() {
        return targetId;
    }

    String clientIp() {
        return clientIp;
    }

    String userAgent() {
        return userAgent;
    }

    String requestId() {
        return requestId;
    }

    Instant occurredAt() {
        return occurredAt;
    }

    String details() {
        return details;
    }
}
