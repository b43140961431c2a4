package dev.encore.platform;

import java.net.URI;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Encore's RFC 9457 problem vocabulary. Every error a client sees is a {@link ProblemDetail}
 * whose {@code type} is one of these stable URIs; clients branch on the last path segment
 * ({@code rate-limited}, {@code validation-failed}, ...).
 */
public final class Problems {

    /** Base of every problem type URI. */
    public static final String TYPE_BASE = "https://encore.dev/problems/";

    /** Extension member holding the request id in every problem body. */
    public static final String REQUEST_ID = "requestId";

    private Problems() {
    }

    /** The type URI for {@code slug}, e.g. {@code not-found}. */
    public static URI type(String slug) {
        return URI.create(TYPE_BASE + slug);
    }

    /** A problem with the given status, type slug, title and client-safe detail. */
    public static ProblemDetail of(HttpStatusCode status, String slug, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type(slug));
        problem.setTitle(title);
        return problem;
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
