package dev.encore.ingest.request;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import dev.encore.platform.Problems;

/** An import that cannot be taken now: the user's running cap (429) or the cluster's queue (503). */
class ImportRefusedException extends ErrorResponseException {

    private final HttpHeaders headers = new HttpHeaders();

    private ImportRefusedException(HttpStatus status, String slug, String title, String detail, long retryAfterSeconds) {
        super(status, Problems.of(status, slug, title, detail), null);
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
    }

    static ImportRefusedException tooManyRunning(int cap) {
        return new ImportRefusedException(HttpStatus.TOO_MANY_REQUESTS, "too-many-imports", "Too many imports",
                "You already have " + cap + " imports queued or running; wait for one to finish.", 30);
    }

    static ImportRefusedException queueFull() {
        return new ImportRefusedException(HttpStatus.SERVICE_UNAVAILABLE, "import-queue-full", "Import queue full",
                "The server has too many imports waiting; try again later.", 60);
    }

    static ImportRefusedException toolsMissing() {
        return new ImportRefusedException(HttpStatus.SERVICE_UNAVAILABLE, "ingest-unavailable", "Imports unavailable",
                "Imports are unavailable on this server right now; try again later.", 300);
    }

    @Override
    public HttpHeaders getHeaders() {
        return headers;
    }
}
