package dev.encore.platform.web;

import java.util.List;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import dev.encore.platform.DatabaseFailures;
import dev.encore.platform.FieldProblem;
import dev.encore.platform.Problems;
import dev.encore.platform.StorageFull;
import dev.encore.platform.StorageUnavailableException;

/**
 * The one place where exceptions become problem+json answers (STYLE 18). Spring MVC's own
 * exceptions come through {@link ResponseEntityExceptionHandler}; Encore's domain exceptions
 * extend {@link org.springframework.web.ErrorResponseException} and carry their problem. Anything
 * unexpected is logged here, once, with the request id, and answered with a generic 500 that
 * reveals nothing about the server.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    /** About a database restart or fail-over; readiness (checked every 2 s) says more precisely. */
    private static final long DATABASE_RETRY_AFTER_SECONDS = 5;

    private final ProblemWriter problems;

    ProblemHandler(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = ex.getBindingResult().getAllErrors().stream()
                .map(error -> new FieldProblem(
                        error instanceof FieldError field ? field.getField() : error.getObjectName(),
                        error instanceof FieldError field && field.isBindingFailure() ? "has an invalid value"
                                : error.getDefaultMessage()))
                .distinct() // a field rule may say what an annotation said already
                .toList();
        return validationFailed(errors, headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldProblem(error instanceof org.springframework.validation.FieldError field
                                // a bound object (paging, filters): its own field, which is the query parameter
                                ? field.getField() : parameterName(result.getMethodParameter()),
                                error.getDefaultMessage())))
                .toList();
        return validationFailed(errors, headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(org.springframework.beans.TypeMismatchException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = ex instanceof org.springframework.web.method.annotation.MethodArgumentTypeMismatchException mismatch
                ? mismatch.getName() : ex.getPropertyName();
        return validationFailed(List.of(new FieldProblem(field, "has an invalid value")), headers, request);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> handleConstraintViolation(ConstraintViolationException ex, WebRequest request) {
        List<FieldProblem> errors = ex.getConstraintViolations().stream()
                .map(violation -> new FieldProblem(violation.getPropertyPath().toString(), violation.getMessage()))
                .toList();
        return validationFailed(errors, new HttpHeaders(), request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (causedByTooLargeBody(ex)) {
            return problem(Problems.of(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Payload too large",
                    "The request body is larger than this endpoint accepts."), headers, request);
        }
        ProblemDetail malformed = Problems.of(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request body",
                "The request body is not valid JSON or does not have the expected shape.");
        MalformedBodies.field(ex).ifPresent(field -> malformed.setProperty("errors", List.of(field)));
        return problem(malformed, headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return problem(Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", "Nothing exists at this path."),
                headers, request);
    }

    /**
     * A body of a type the endpoint does not read, or none at all: Spring's own detail would print a
     * missing {@code Content-Type} as {@code 'null'}, so the answer names what to send instead.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String wanted = ex.getSupportedMediaTypes().isEmpty() ? "a body of a type this endpoint reads"
                : "a body of type " + ex.getSupportedMediaTypes().stream()
                        .map(type -> type.getType() + "/" + type.getSubtype()).distinct()
                        .collect(Collectors.joining(" or "));
        String detail = ex.getContentType() == null ? "This request needs " + wanted + "; it has no Content-Type."
                : "Content-Type " + ex.getContentType().getType() + "/" + ex.getContentType().getSubtype()
                        + " is not accepted here; send " + wanted + ".";
        return problem(Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                "Unsupported media type", detail), headers, request);
    }

    /** A multipart body that cannot be parsed: no boundary, cut short, a part header Tomcat refuses. */
    @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
    ResponseEntity<Object> handleMalformedMultipart(org.springframework.web.multipart.MultipartException ex,
            WebRequest request) {
        if (StorageFull.causedBy(ex)) { // Tomcat could not spool the parts to its temporary directory
            return storageFull(ex, request);
        }
        log.debug("Malformed multipart body in {}: {}", describe(request), ex.getMessage());
        return problem(Problems.of(HttpStatus.BAD_REQUEST, "bad-request", "Bad request",
                "The multipart body is malformed: it needs a boundary in Content-Type, complete parts and well-formed part headers."),
                new HttpHeaders(), request);
    }

    /**
     * A part whose headers are longer than Tomcat takes reaches here as an upload over the size
     * limit ({@link MultipartFailures}): it is a request to fix, a 400, while a real overflow stays
     * a 413.
     */
    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (MultipartFailures.partHeadersTooLong(ex)) {
            log.debug("Multipart part headers too long in {}: {}", describe(request), ex.getMessage());
            return problem(Problems.of(HttpStatus.BAD_REQUEST, "bad-request", "Bad request",
                    "A part's headers are longer than this server accepts: shorten the file name."), headers, request);
        }
        return super.handleMaxUploadSizeExceededException(ex, headers, status, request);
    }

    /** Query or form parameters the container could not decode (it has already said why at DEBUG). */
    @ExceptionHandler(org.apache.tomcat.util.http.InvalidParameterException.class)
    ResponseEntity<Object> handleUndecodableParameters(org.apache.tomcat.util.http.InvalidParameterException ex,
            WebRequest request) {
        return problem(Problems.of(HttpStatus.BAD_REQUEST, "bad-request", "Bad request",
                "The request's parameters cannot be decoded: check the percent-escapes and the number of parameters."),
                new HttpHeaders(), request);
    }

    /** A header value the firewall refuses, read by a handler (the firewall checks headers as they are read). */
    @ExceptionHandler(org.springframework.security.web.firewall.RequestRejectedException.class)
    ResponseEntity<Object> handleRejected(org.springframework.security.web.firewall.RequestRejectedException ex,
            WebRequest request) {
        return problem(RejectedRequests.problem(), new HttpHeaders(), request);
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<Object> handleAuthentication(AuthenticationException ex, WebRequest request) {
        return problem(Problems.of(HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthenticated",
                "Sign in to use this endpoint."), new HttpHeaders(), request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> handleAccessDenied(AccessDeniedException ex, WebRequest request) {
        return problem(Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                "You are not allowed to do this."), new HttpHeaders(), request);
    }

    /** Two requests changed the same rows at once (a lock timed out, a version moved on): the client may retry. */
    @ExceptionHandler(org.springframework.dao.ConcurrencyFailureException.class)
    ResponseEntity<Object> handleConcurrentChange(org.springframework.dao.ConcurrencyFailureException ex,
            WebRequest request) {
        log.info("Concurrent change while handling {}: {}", describe(request), ex.getMessage());
        return problem(Problems.of(HttpStatus.CONFLICT, "conflict", "Conflict",
                "Another request changed this at the same time; read it again and retry."), new HttpHeaders(), request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handleUnexpected(Exception ex, WebRequest request) {
        if (DatabaseFailures.unreachable(ex)) {
            return databaseUnavailable(ex, request);
        }
        if (StorageFull.causedBy(ex)) {
            return storageFull(ex, request);
        }
        if (BlobStoreFailures.unreachable(ex)) {
            return storageUnavailable(ex, request);
        }
        log.error("Unexpected failure while handling {}", describe(request), ex);
        return problem(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "Something went wrong on our side. Quote the request id when reporting it."), new HttpHeaders(), request);
    }

    /**
     * The database could not be reached or dropped the connection mid-query (a restart, a
     * fail-over, a pool that cannot get a connection): the node's readiness turns DOWN meanwhile,
     * and the client may send the request again shortly. Not the server's bug, so no ERROR; never
     * the driver's message.
     */
    private ResponseEntity<Object> databaseUnavailable(Exception ex, WebRequest request) {
        log.warn("Database unavailable while handling {}: {}", describe(request), ex.getClass().getSimpleName());
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(DATABASE_RETRY_AFTER_SECONDS));
        return problem(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Service unavailable",
                "The database is not reachable right now; try again in a few seconds."), headers, request);
    }

    /**
     * A write found the disk full (ENOSPC): no bug of ours and no fault of the client's, but the operator's
     * to act on, so a WARN without the stack; what was written is cleaned up by whoever wrote it.
     */
    private ResponseEntity<Object> storageFull(Exception ex, WebRequest request) {
        log.warn("Storage full while handling {}: {}; free space on the data directory's disk", describe(request),
                ex.getMessage());
        return problem(StorageFull.problem().getBody(), new HttpHeaders(), request);
    }

    /**
     * The bucket did not answer a write or a read that no caller turned into
     * {@link StorageUnavailableException} itself (an upload's store): 503 {@code storage-unavailable}
     * with its Retry-After, a WARN without the stack; nothing of the request was kept.
     */
    private ResponseEntity<Object> storageUnavailable(Exception ex, WebRequest request) {
        log.warn("Blob store unavailable while handling {}: {}", describe(request), ex.getMessage());
        StorageUnavailableException unavailable = new StorageUnavailableException(ex);
        return problem(unavailable.getBody(), unavailable.getHeaders(), request);
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
            WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail detail ? detail
                : ProblemDetail.forStatus(statusCode);
        problems.complete(problem, servletRequest(request));
        HttpHeaders answer = new HttpHeaders();
        answer.putAll(headers); // may be read-only
        answer.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (!answer.containsHeader(HttpHeaders.CONTENT_DISPOSITION)) {
            // a problem on a path with a file extension (/dl/…/song.mp3) got Spring's guard against
            // reflected file downloads, "inline;filename=f.txt": a problem is shown, under no name
            answer.set(HttpHeaders.CONTENT_DISPOSITION, "inline");
        }
        return new ResponseEntity<>(problem, answer, statusCode);
    }

    private ResponseEntity<Object> validationFailed(List<FieldProblem> errors, HttpHeaders headers,
            WebRequest request) {
        // Bean Validation reports a set: sorted, the same bad request gets the same answer every time
        return problem(Problems.validationFailed(errors.stream().sorted(FieldProblem.ORDER).toList()), headers,
                request);
    }

    private ResponseEntity<Object> problem(ProblemDetail problem, HttpHeaders headers, WebRequest request) {
        return createResponseEntity(problem, headers, HttpStatusCode.valueOf(problem.getStatus()), request);
    }

    private static boolean causedByTooLargeBody(Throwable ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof PayloadTooLargeException) {
                return true;
            }
        }
        return false;
    }

    /** As the client sent it: a header by its name ({@code Upload-Offset}), anything else by the parameter's. */
    private static String parameterName(org.springframework.core.MethodParameter parameter) {
        org.springframework.web.bind.annotation.RequestHeader header =
                parameter.getParameterAnnotation(org.springframework.web.bind.annotation.RequestHeader.class);
        return header != null && !header.name().isEmpty() ? header.name()
                : header != null && !header.value().isEmpty() ? header.value() : parameter.getParameterName();
    }

    private static HttpServletRequest servletRequest(WebRequest request) {
        return request instanceof NativeWebRequest nativeRequest
                ? nativeRequest.getNativeRequest(HttpServletRequest.class) : null;
    }

    private static String describe(WebRequest request) {
        HttpServletRequest servlet = servletRequest(request);
        return servlet == null ? "request" : servlet.getMethod() + " " + servlet.getRequestURI();
    }
}
