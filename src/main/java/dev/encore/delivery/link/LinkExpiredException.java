package dev.encore.delivery.link;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import dev.encore.platform.Problems;

/** A download link or stream URL past its expiry (410 {@code link-expired}). */
public class LinkExpiredException extends ErrorResponseException {

    LinkExpiredException() {
        super(HttpStatus.GONE, Problems.of(HttpStatus.GONE, "link-expired", "Link expired", "This link has expired; ask for a new one."), null);
    }
}
