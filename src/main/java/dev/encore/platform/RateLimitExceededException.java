package dev.encore.platform;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A named limit refused a request: 429 {@code rate-limited} with {@code Retry-After}. */
public class RateLimitExceededException extends ErrorResponseException {

    private final RateLimitStatus status;

    private RateLimitExceededException(RateLimitStatus status) {
        super(HttpStatus.TOO_MANY_REQUESTS, Problems.of(HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
                "Too many requests", "Too many requests; retry after " + Math.max(1, status.retryAfterSeconds())
                        + " seconds."), null);
        this.status = status;
        status.writeTo(getHeaders());
    }

    public static RateLimitExceededException of(RateLimitStatus status) {
        return new RateLimitExceededException(status);
    }

    public RateLimitStatus status() {
        return status;
    }
}
