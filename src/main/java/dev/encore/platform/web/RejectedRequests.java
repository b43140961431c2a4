package dev.encore.platform.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import dev.encore.platform.Problems;

/**
 * The answer to a request Spring Security's firewall refuses (an encoded slash or a control
 * character in the path, a header value with control characters): refused before any handler
 * (its {@code RequestRejectedHandler}), or when a handler reads such a header (the firewall reads
 * headers lazily, so a User-Agent is checked when sign-in records it).
 */
public final class RejectedRequests {

    private RejectedRequests() {
    }

    public static ProblemDetail problem() {
        return Problems.of(HttpStatus.BAD_REQUEST, "bad-request", "Bad request",
                "The request's path or one of its headers holds characters this server does not accept.");
    }
}
