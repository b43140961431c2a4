package dev.encore.ingest.imports;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One link of an import (a single import has one item), with its own outcome. */
@Entity
@Table(name = "import_items")
public class ImportItem {

    @Id
    private UUID id;
    @Column(name = "import_id")
    private UUID importId;
    private int position;
    private String url;
    private String title;
    @Enumerated(EnumType.STRING)
    private ImportStatus status;
    private int progress;
    @Column(name = "error_code")
    private String errorCode;
    @Column(name = "error_message")
    private String errorMessage;
    @Column(name = "file_id")
    private UUID fileId;

    protected ImportItem() {
    }

    public ImportItem(UUID importId, int position, String url, String title) {
        this.id = UUID.randomUUID();
        this.importId = importId;
        this.position = position;
        this.url = url;
        this.title = title;
        this.status = ImportStatus.QUEUED;
    }

    public UUID id() {
        return id;
    }

    public UUID importId() {
        return importId;
    }

    public int position() {
        return position;
    }

    public String url() {
        return url;
    }

    public String title() {
        return title;
    }

    public ImportStatus status() {
        return status;
    }

    public int progress() {
        return progress;
    }

    public String errorCode() {
        return errorCode;
    }

    public String errorMessage() {
        return errorMessage;
    }

    public UUID fileId() {
        return fileId;
    }
}
