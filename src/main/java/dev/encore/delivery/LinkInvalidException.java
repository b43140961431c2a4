package dev.encore.delivery;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import dev.encore.platform.Problems;

/** A download link that is malformed or whose signature does not match (403 {@code link-invalid}). */
public class LinkInvalidException extends ErrorResponseException {

    LinkInvalidException() {
        super(HttpStatus.FORBIDDEN, Problems.of(HttpStatus.FORBIDDEN, "link-invalid", "Invalid link", "This download link is not valid."), null);
    }
}
