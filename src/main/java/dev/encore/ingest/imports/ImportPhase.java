package dev.encore.ingest.imports;

import java.util.Locale;

/** What a running import is doing now. */
public enum ImportPhase {
    RESOLVING, DOWNLOADING, CONVERTING, FINISHING;

    /** The name clients see: {@code resolving}, {@code downloading}, ... */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
