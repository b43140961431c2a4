package dev.encore.ingest.imports;

import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

import dev.encore.platform.InsertOnlyRow;

/**
 * One link of an import (a single import has one item), with its own outcome. A save only ever
 * inserts one; its outcome changes through the conditional updates in {@link ImportItems}.
 */
@Table("import_items")
public class ImportItem extends InsertOnlyRow<UUID> {

    @Id
    private UUID id;
    private UUID importId;
    private int position;
    private String url;
    private String title;
    private ImportStatus status;
    private int progress;
    private String errorCode;
    private String errorMessage;
    private UUID fileId;

    /** For Spring Data, which fills the fields of one read from the database. */
    private ImportItem() {
    }

    public ImportItem(UUID importId, int position, String url, String title) {
        this.id = UUID.randomUUID();
        this.importId = importId;
        this.position = position;
        this.url = url;
        this.title = title;
        this.status = ImportStatus.QUEUED;
    }

    @Override
    public UUID getId() {
        return id;
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
