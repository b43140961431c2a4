package dev.encore.delivery.rendition;

import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import dev.encore.platform.Problems;

/**
 * The problems of streaming that are nobody's fault in the request: busy, not ready, unconvertible.
 * (A store that does not answer is {@link dev.encore.platform.StorageUnavailableException}.)
 */
final class StreamProblems {

    /** How soon to ask again for a rendition being made. */
    static final Duration PENDING_RETRY = Duration.ofSeconds(5);
    /** How soon to ask again when this node has too many renditions to make. */
    static final Duration BUSY_RETRY = Duration.ofSeconds(30);

    private StreamProblems() {
    }

    /** 503 {@code rendition-pending}: the rendition is being made and was not ready within the wait. */
    static ErrorResponseException pending() {
        return withRetryAfter(HttpStatus.SERVICE_UNAVAILABLE, "rendition-pending", "Rendition being prepared",
                "This format of the track is being prepared; ask again in a few seconds.", PENDING_RETRY);
    }

    /** 503 {@code transcoder-busy}: too many renditions are queued on this node to take another. */
    static ErrorResponseException busy() {
        return withRetryAfter(HttpStatus.SERVICE_UNAVAILABLE, "transcoder-busy", "Transcoder busy",
                "Too many formats are being prepared right now; ask again later or play the original.", BUSY_RETRY);
    }

    /** 422 {@code transcode-failed}: ffmpeg could not turn this source into the format. */
    static ErrorResponseException transcodeFailed() {
        return new ErrorResponseException(HttpStatus.UNPROCESSABLE_CONTENT, Problems.of(HttpStatus.UNPROCESSABLE_CONTENT,
                "transcode-failed", "Cannot convert this track",
                "This track could not be converted to the requested format; the original still plays."), null);
    }

    /** The same problem as a new exception, for one of the requests that shared a transcode. */
    static ErrorResponseException copyOf(ErrorResponseException shared) {
        ProblemDetail body = shared.getBody();
        ProblemDetail copy = ProblemDetail.forStatusAndDetail(shared.getStatusCode(), body.getDetail());
        copy.setType(body.getType());
        copy.setTitle(body.getTitle());
        ErrorResponseException problem = new ErrorResponseException(shared.getStatusCode(), copy, null);
        problem.getHeaders().putAll(shared.getHeaders());
        return problem;
    }

    private static ErrorResponseException withRetryAfter(HttpStatus status, String slug, String title, String detail,
            Duration retryAfter) {
        ErrorResponseException problem = new ErrorResponseException(status, Problems.of(status, slug, title, detail),
                null);
        problem.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter.toSeconds()));
        return problem;
    }
}
