package dev.encore.audit;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One stored audit event; never changed after it is written. */
@Entity
@Table(name = "audit_entries")
class AuditEntry {

    @Id
    private UUID id;
    private String type;
    @Column(name = "actor_id")
    private String actorId;
    @Column(name = "target_id")
    private String targetId;
    @Column(name = "client_ip")
    private String clientIp;
    @Column(name = "user_agent")
    private String userAgent;
    @Column(name = "request_id")
    private String requestId;
    @Column(name = "occurred_at")
    private Instant occurredAt;
    private String details;

    protected AuditEntry() {
    }

    /** @param id the audit event's id: one entry per event, however often it is delivered */
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

    UUID id() {
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
