package dev.encore.library.content;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import dev.encore.platform.Problems;

/** The library's client errors. */
public final class LibraryProblems {

    private LibraryProblems() {
    }

    /** No such content for this viewer (also what someone else's private content looks like). */
    public static ErrorResponseException notFound(String what) {
        return new ErrorResponseException(HttpStatus.NOT_FOUND, Problems.of(HttpStatus.NOT_FOUND, "not-found",
                "Not found", "No such " + what + "."), null);
    }

    public static ErrorResponseException adminOnly(String field) {
        return new ErrorResponseException(HttpStatus.FORBIDDEN, Problems.of(HttpStatus.FORBIDDEN, "forbidden",
                "Forbidden", "Only admins may set " + field + "."), null);
    }

    public static ErrorResponseException notYours() {
        return new ErrorResponseException(HttpStatus.FORBIDDEN, Problems.of(HttpStatus.FORBIDDEN, "forbidden",
                "Forbidden", "Only the owner may change or delete this."), null);
    }

    public static ErrorResponseException stale() {
        return new ErrorResponseException(HttpStatus.PRECONDITION_FAILED, Problems.of(HttpStatus.PRECONDITION_FAILED,
                "precondition-failed", "Changed meanwhile",
                "It was changed since you read it; read it again and retry."), null);
    }

    /** The request cannot apply to the content as it is now (409 {@code conflict}). */
    public static ErrorResponseException conflict(String detail) {
        return new ErrorResponseException(HttpStatus.CONFLICT, Problems.of(HttpStatus.CONFLICT, "conflict",
                "Conflict", detail), null);
    }
}
