package dev.encore.platform;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Encore's RFC 9457 problem vocabulary. Every error a client sees is a {@link ProblemDetail}
 * whose {@code type} is {@code {encore.public-url}/problems/{name}}, a page that explains it;
 * clients branch on the last path segment ({@code rate-limited}, {@code validation-failed}, ...).
 * Problems are built where no configuration is at hand (in exception constructors), so their type
 * starts as the path {@code /problems/{name}}; the one writer of problem answers puts Encore's
 * public URL in front. Every name used must have a page in the problem catalogue (a test checks).
 */
public final class Problems {

    /** Path of the problem type pages; a type is this path plus the name. */
    public static final String TYPE_PATH = "/problems/";

    /** Extension member holding the request id in every problem body. */
    public static final String REQUEST_ID = "requestId";

    private Problems() {
    }

    /** The type of {@code slug}, e.g. {@code not-found}, as the path of its page (made absolute when written). */
    public static URI type(String slug) {
        return URI.create(TYPE_PATH + slug);
    }

    /** A problem with the given status, type slug, title and client-safe detail. */
    public static ProblemDetail of(HttpStatusCode status, String slug, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type(slug));
        problem.setTitle(title);
        return problem;
    }

    /**
     * The 400 {@code validation-failed} problem: {@code errors} names each bad field and what is
     * wrong with it, in the order given. Shape validation, business rules and the query-string check
     * all answer with it.
     */
    public static ProblemDetail validationFailed(List<FieldProblem> errors) {
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, "validation-failed", "Validation failed",
                "The request has invalid fields.");
        problem.setProperty("errors", errors);
        return problem;
    }

    /**
     * The 416 {@code range-not-satisfiable} answer to a Range a file of {@code length} bytes cannot
     * serve, with {@code Content-Range: bytes *}{@code /length} (RFC 9110 §15.5.17).
     */
    public static ErrorResponseException rangeNotSatisfiable(long length) {
        ErrorResponseException ex = new ErrorResponseException(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE,
                of(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE, "range-not-satisfiable", "Range not satisfiable",
                        "The requested range lies outside the file."), null);
        ex.getHeaders().set(HttpHeaders.CONTENT_RANGE, "bytes */" + length);
        return ex;
    }

    /** The default type slug for a status that carries no more specific type. */
    public static String slugFor(int status) {
        return switch (status) {
            case 400 -> "bad-request";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 409 -> "conflict";
            case 410 -> "gone";
            case 412 -> "precondition-failed";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            case 416 -> "range-not-satisfiable";
            case 429 -> "rate-limited";
            case 503 -> "unavailable";
            default -> status >= 500 ? "internal-error" : "client-error";
        };
    }
}
