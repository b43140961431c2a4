package dev.encore.ingest.imports;

import dev.encore.ingest.source.ToolFailures;

/**
 * The few reasons an import item fails that clients are told, as a code and a human reason
 * (refined by {@link ToolFailures} where the tool's words say more); the tools' own output stays in
 * the log. Transient ones are retried with backoff, permanent ones are not.
 */
public enum ImportError {
    UNSUPPORTED_URL("unsupported-url", false, "no audio or video found at this address"),
    UNAVAILABLE("unavailable", false, "the source did not provide this media"),
    TOO_LARGE("too-large", false, "the file is larger than this server accepts"),
    TOO_LONG("too-long", false, "the media is longer than this server accepts"),
    NETWORK("network", true, "the source could not be reached"),
    TIMEOUT("timeout", true, "the download or conversion took longer than this server allows"),
    CONVERSION_FAILED("conversion-failed", false, "the download could not be converted (it may hold no audio)"),
    BLOCKED_ADDRESS("blocked-address", false, "the address leads to a network imports may not reach"),
    QUOTA_EXCEEDED("quota-exceeded", false, "the file does not fit in your storage quota"),
    STORAGE_FULL("storage-full", false, "the server's storage is full; try again once the operator has freed space"),
    INTERNAL("internal-error", true, "something went wrong on the server");

    private final String code;
    private final boolean transientFailure;
    private final String reason;

    ImportError(String code, boolean transientFailure, String reason) {
        this.code = code;
        this.transientFailure = transientFailure;
        this.reason = reason;
    }

    /** The code clients see, e.g. {@code too-large}. */
    public String code() {
        return code;
    }

    /** What clients are told when nothing more specific is known, e.g. "the source could not be reached". */
    public String reason() {
        return reason;
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
