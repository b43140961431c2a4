package dev.encore.platform.web;

import java.io.IOException;
import java.util.UUID;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import dev.encore.platform.Problems;
import dev.encore.platform.RequestContext;

/**
 * Tomcat's error report for requests it refuses before Encore sees them (a bad header byte, an
 * encoded {@code /} or {@code ../} in the path, a request line or header over the limit, a method
 * or protocol version it does not take, a broken percent-escape in the path): an RFC 9457
 * problem+json body instead of Tomcat's HTML page or bare status, with a request id of its own and
 * an access-log line. Errors that reach Encore are answered by
 * {@link ProblemErrorController} first; then this valve finds the body written and does nothing.
 */
final class ProblemReportValve extends ErrorReportValve {

    private static final Logger log = LoggerFactory.getLogger(ProblemReportValve.class);

    private final ProblemWriter problems;

    ProblemReportValve(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        if (RequestContext.requestId(request) == null) {
            RequestContext.setRequestId(request, UUID.randomUUID().toString());
        }
        String requestId = RequestContext.requestId(request);
        MDC.put(RequestContext.REQUEST_ID, requestId);
        try {
            log.debug("Tomcat refused {} {} with {}", request.getMethod(), request.getRequestURI(), status);
            response.setHeader(RequestContext.REQUEST_ID_HEADER, requestId);
            problems.write(request, response, problemFor(response, status));
        }
        catch (IOException | RuntimeException ex) { // Tomcat would swallow it and send a bare status
            log.debug("Could not write the problem answer for a refused request: {}", ex.toString());
        }
        finally {
            long started = request.getCoyoteRequest().getStartTimeNanos();
            AccessLogFilter.logRefused(request, response.getStatus(),
                    started == -1 ? 0 : (System.nanoTime() - started) / 1_000_000);
            MDC.remove(RequestContext.REQUEST_ID);
        }
    }

    /** The problem for {@code status}; statuses that blame the server for a client's request become 4xx. */
    private static ProblemDetail problemFor(Response response, int status) {
        return switch (status) {
            // HTTP/2.0 (or any other version) in a request line on this HTTP/1.1 connector
            case 505 -> Problems.of(HttpStatus.BAD_REQUEST, "bad-request", "Bad request",
                    "The request line names an HTTP version this server does not speak; use HTTP/1.1.");
            // a method Tomcat does not take at all (CONNECT)
            case 501 -> {
                response.setHeader(HttpHeaders.ALLOW, RejectedRequests.ALLOW);
                yield RejectedRequests.methodProblem();
            }
            default -> {
                HttpStatus known = HttpStatus.resolve(status);
                String slug = Problems.slugFor(status);
                String title = ProblemCatalogue.find(slug).map(ProblemCatalogue.ProblemType::title)
                        .orElse(known == null ? "Error" : known.getReasonPhrase());
                yield Problems.of(known == null ? HttpStatus.BAD_REQUEST : known, slug, title,
                        status >= 500 ? "Something went wrong on our side. Quote the request id when reporting it."
                                : "The request could not be read: its request line, a header or the path is malformed or too large.");
            }
        };
    }
}
