package dev.encore.platform;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;

/**
 * The state of one bucket after a request was counted against it.
 *
 * @param limit             the bucket's capacity
 * @param remaining         requests left in the current window
 * @param resetSeconds      seconds until the bucket is full again
 * @param retryAfterSeconds seconds until the next request may pass (0 when allowed)
 * @param allowed           whether this request was let through
 */
public record RateLimitStatus(long limit, long remaining, long resetSeconds, long retryAfterSeconds, boolean allowed) {

    /** Writes the {@code RateLimit-*} headers (and {@code Retry-After} when refused). */
    public void writeTo(HttpHeaders headers) {
        headers.set("RateLimit-Limit", Long.toString(limit));
        headers.set("RateLimit-Remaining", Long.toString(remaining));
        headers.set("RateLimit-Reset", Long.toString(resetSeconds));
        if (!allowed) {
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfterSeconds)));
        }
    }

    /** Sets the same headers on a servlet response. */
    public void writeTo(HttpServletResponse response) {
        // directly, not through an HttpHeaders copy: the general limit writes these on every API answer
        response.setHeader("RateLimit-Limit", Long.toString(limit));
        response.setHeader("RateLimit-Remaining", Long.toString(remaining));
        response.setHeader("RateLimit-Reset", Long.toString(resetSeconds));
        if (!allowed) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfterSeconds)));
        }
    }
}
