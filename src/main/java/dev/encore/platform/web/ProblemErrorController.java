package dev.encore.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.encore.platform.Problems;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * Replaces Boot's error page: errors raised outside Spring MVC (in filters, by the container)
 * are forwarded to {@code /error} and answered here as problem+json with a generic detail.
 */
@Hidden
@RestController
class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    private final ProblemWriter problems;

    ProblemErrorController(ProblemWriter problems) {
        this.problems = problems;
    }

    @RequestMapping(path = "/error", produces = { MediaType.APPLICATION_PROBLEM_JSON_VALUE, MediaType.ALL_VALUE })
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        HttpStatus status = statusOf(request);
        Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (failure instanceof Throwable throwable && status.is5xxServerError()) {
            log.error("Unexpected failure outside the MVC handlers", throwable);
        }
        else if (failure instanceof Throwable throwable) {
            // the client's fault (a body shorter than its Content-Length, a connection closed mid-body): not an error of ours
            log.debug("Request failed with {} outside the MVC handlers: {}", status.value(), throwable.toString());
        }
        String detail = status.is5xxServerError()
                ? "Something went wrong on our side. Quote the request id when reporting it."
                : "The request could not be processed.";
        ProblemDetail problem = Problems.of(status, Problems.slugFor(status.value()), status.getReasonPhrase(), detail);
        problems.complete(problem, request);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static HttpStatus statusOf(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status == null || status.value() < 400 ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }
}
