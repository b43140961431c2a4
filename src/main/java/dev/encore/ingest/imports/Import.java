package dev.encore.ingest.imports;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

import dev.encore.platform.InsertOnlyRow;

/**
 * One import request and its overall state. Status, progress and phase change through
 * conditional updates in {@link Imports} (never a read-modify-write; a save only ever inserts one),
 * so a cancel and a worker's progress can race without either being lost.
 */
@Table("imports")
public class Import extends InsertOnlyRow<UUID> {

    @Id
    private UUID id;
    private UUID ownerId;
    private ImportKind kind;
    private AudioFormat format;
    private String sourceUrl;
    private String customName;
    private ImportStatus status;
    private int progress;
    private ImportPhase phase;
    private String errorCode;
    private String errorMessage;
    /** A playlist's own title, once read. */
    private String title;
    private int attempts;
    private int transientFailures;
    private Instant createdAt;
    private Instant updatedAt;
    private Instant finishedAt;

    /** For Spring Data, which fills the fields of one read from the database. */
    private Import() {
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

    @Override
    public UUID getId() {
        return id;
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
