package dev.encore.ingest;

/** An item could not be imported, for a reason the client may be told. */
class ImportFailure extends RuntimeException {

    private final ImportError error;

    ImportFailure(ImportError error, String logDetail) {
        super(error.code() + ": " + logDetail, null, false, false);
        this.error = error;
    }

    ImportError error() {
        return error;
    }
}
