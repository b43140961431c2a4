package dev.encore.ingest.source;

import dev.encore.ingest.imports.ImportError;

/**
 * An item could not be imported, for a reason the client may be told: a code and a safe human
 * sentence made by Encore (never a tool's words), e.g. "the source answered 404 Not Found".
 */
public class ImportFailure extends RuntimeException {

    private final ImportError error;
    private final String reason;

    /** With the error's own reason. */
    public ImportFailure(ImportError error, String logDetail) {
        this(error, error.reason(), logDetail);
    }

    public ImportFailure(ImportError error, String reason, String logDetail) {
        super(error.code() + " (" + reason + "): " + logDetail, null, false, false);
        this.error = error;
        this.reason = reason;
    }

    public ImportError error() {
        return error;
    }

    /** What the client is told. */
    public String reason() {
        return reason;
    }
}
