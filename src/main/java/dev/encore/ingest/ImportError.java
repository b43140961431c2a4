package dev.encore.ingest;

/**
 * The few reasons an import item fails that clients are told; the tools' own output stays in
 * the log. Transient ones are retried with backoff, permanent ones are not.
 */
public enum ImportError {
    UNSUPPORTED_URL("unsupported-url", false),
    UNAVAILABLE("unavailable", false),
    TOO_LARGE("too-large", false),
    TOO_LONG("too-long", false),
    NETWORK("network", true),
    TIMEOUT("timeout", true),
    CONVERSION_FAILED("conversion-failed", false),
    BLOCKED_ADDRESS("blocked-address", false),
    QUOTA_EXCEEDED("quota-exceeded", false),
    INTERNAL("internal-error", true);

    private final String code;
    private final boolean transientFailure;

    ImportError(String code, boolean transientFailure) {
        this.code = code;
        this.transientFailure = transientFailure;
    }

    /** The code clients see, e.g. {@code too-large}. */
    public String code() {
        return code;
    }

    public boolean isTransient() {
        return transientFailure;
    }

    public static ImportError ofCode(String code) {
        for (ImportError error : values()) {
            if (error.code.equals(code)) {
                return error;
            }
        }
        throw new IllegalArgumentException("unknown import error code " + code);
    }
}
