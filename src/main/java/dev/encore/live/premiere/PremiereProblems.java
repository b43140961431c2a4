package dev.encore.live.premiere;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import dev.encore.platform.Problems;

/** The client errors of premieres. */
final class PremiereProblems {

    private PremiereProblems() {
    }

    static ErrorResponseException notFound() {
        return new ErrorResponseException(HttpStatus.NOT_FOUND, Problems.of(HttpStatus.NOT_FOUND, "not-found",
                "Not found", "No such premiere."), null);
    }

    static ErrorResponseException videoNotFound() {
        return new ErrorResponseException(HttpStatus.NOT_FOUND, Problems.of(HttpStatus.NOT_FOUND, "not-found",
                "Not found", "No such video."), null);
    }

    static ErrorResponseException notYours(String what) {
        return new ErrorResponseException(HttpStatus.FORBIDDEN, Problems.of(HttpStatus.FORBIDDEN, "forbidden",
                "Forbidden", "Only the video's owner may " + what + "."), null);
    }

    static ErrorResponseException videoNotReady() {
        return new ErrorResponseException(HttpStatus.CONFLICT, Problems.of(HttpStatus.CONFLICT, "video-not-ready",
                "Video not processed", "Only a processed (ready) video can premiere; wait until it is ready."), null);
    }

    static ErrorResponseException conflict(String detail) {
        return new ErrorResponseException(HttpStatus.CONFLICT, Problems.of(HttpStatus.CONFLICT, "conflict",
                "Conflict", detail), null);
    }
}
