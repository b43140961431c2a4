package dev.encore.ingest.imports;

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
public class Import {

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

    public Import(UUID ownerId, ImportKind kind, AudioFormat format, String sourceUrl, String customName, Instant now) {
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

    public UUID id() {
        return id;
    }

    public UUID ownerId() {
        return ownerId;
    }

    public ImportKind kind() {
        return kind;
    }

    public AudioFormat format() {
        return format;
    }

    public String sourceUrl() {
        return sourceUrl;
    }

    public String customName() {
        return customName;
    }

    public ImportStatus status() {
        return status;
    }

    public int progress() {
        return progress;
    }

    public ImportPhase phase() {
        return phase;
    }

    public String errorCode() {
        return errorCode;
    }

    public String errorMessage() {
        return errorMessage;
    }

    public String title() {
        return title;
    }

    public int attempts() {
        return attempts;
    }

    public int transientFailures() {
        return transientFailures;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }
}
