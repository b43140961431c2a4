package dev.encore.ingest.imports;

/** Where an import (or one of its items) stands. */
public enum ImportStatus {
    QUEUED, RUNNING, SUCCEEDED,
    /** Some items succeeded, some failed. */
    PARTIAL,
    FAILED, CANCELLED;

    public boolean finished() {
        return this != QUEUED && this != RUNNING;
    }
}
