package dev.encore.ingest.request;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import dev.encore.platform.Problems;

/** No such import for this user (also what another user's import looks like). */
class ImportNotFoundException extends ErrorResponseException {

    ImportNotFoundException() {
        super(HttpStatus.NOT_FOUND, Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found",
                "No such import."), null);
    }
}
