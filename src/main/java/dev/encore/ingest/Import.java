package dev.encore.ingest;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One import request and its overall state. Status, progress and phase change through
 * conditional updates in {@link Imports} (never a read-modify-write), so a cancel and a worker's
 * progress can race without either being lost.
 */
@Entity
@Table(name = "imports")
class Import {

    @Id
    private UUID id;
    @Column(name = "owner_id")
    private UUID ownerId;
    @Enumerated(EnumType.STRING)
    private ImportKind kind;
    @Enumerated(EnumType.STRING)
    private AudioFormat format;
    @Column(name = "source_url")
    private String sourceUrl;
    @Column(name = "custom_name")
    private String customName;
    @Enumerated(EnumType.STRING)
    private ImportStatus status;
    private int progress;
    @Enumerated(EnumType.STRING)
    private ImportPhase phase;
    @Column(name = "error_code")
    private String errorCode;
    @Column(name = "error_message")
    private String errorMessage;
    /** A playlist's own title, once read. */
    private String title;
    private int attempts;
    @Column(name = "transient_failures")
    private int transientFailures;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Column(name = "finished_at")
    private Instant finishedAt;

    protected Import() {
    }

    Import(UUID ownerId, ImportKind kind, AudioFormat format, String sourceUrl, String customName, Instant now) {
        this.id = UUID.randomUUID();
        this.ownerId = ownerId;
        this.kind = kind;
        this.format = format;
        this.sourceUrl = sourceUrl;
        this.customName = customName;
        this.status = ImportStatus.QUEUED;
        this.createdAt = now;
        this.updatedAt = now;
    }

    UUID id() {
        return id;
    }

    UUID ownerId() {
        return ownerId;
    }

    ImportKind kind() {
        return kind;
    }

    AudioFormat format() {
        return format;
    }

    String sourceUrl() {
        return sourceUrl;
    }

    String customName() {
        return customName;
    }

    ImportStatus status() {
        return status;
    }

    int progress() {
        return progress;
    }

    ImportPhase phase() {
        return phase;
    }

    String errorCode() {
        return errorCode;
    }

    String errorMessage() {
        return errorMessage;
    }

    String title() {
        return title;
    }

    int attempts() {
        return attempts;
    }

    int transientFailures() {
        return transientFailures;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    Instant finishedAt() {
        return finishedAt;
    }
}
