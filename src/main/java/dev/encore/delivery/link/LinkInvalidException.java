package dev.encore.delivery.link;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import dev.encore.platform.Problems;

/**
 * A download link or stream URL that is malformed, whose signature does not match, or that no longer
 * works for its account (403 {@code link-invalid}).
 */
public class LinkInvalidException extends ErrorResponseException {

    public LinkInvalidException() {
        super(HttpStatus.FORBIDDEN, Problems.of(HttpStatus.FORBIDDEN, "link-invalid", "Invalid link", "This link is not valid, or no longer works."), null);
    }
}
