package dev.encore.platform;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * The blob store did not answer (unreachable, timed out): 503 {@code storage-unavailable} with
 * {@code Retry-After}. Not a missing blob, and never a reason to delete anything.
 */
public class StorageUnavailableException extends ErrorResponseException {

    /** How soon to ask again. */
    static final long RETRY_AFTER_SECONDS = 10;

    public StorageUnavailableException(Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "storage-unavailable",
                "Storage unavailable", "The file store is not answering right now; try again shortly."), cause);
        getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER_SECONDS));
    }
}
