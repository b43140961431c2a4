package dev.encore.platform.web;

import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import dev.encore.platform.Problems;

/**
 * The answer to a request Spring Security's firewall refuses (an encoded slash or a control
 * character in the path, a header value with control characters): refused before any handler
 * (its {@code RequestRejectedHandler}), or when a handler reads such a header (the firewall reads
 * headers lazily, so a User-Agent is checked when sign-in records it).
 */
public final class RejectedRequests {

    /** The methods the server takes at all (Spring Security's firewall lets no other one through). */
    public static final String ALLOW = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";

    private static final Set<String> METHODS = Set.of(ALLOW.split(", "));

    private RejectedRequests() {
    }

    /** Whether the firewall refused {@code method} itself (PROPFIND, FOO), not the path or a header. */
    public static boolean unknownMethod(String method) {
        return !METHODS.contains(method);
    }

    /** 405 for a method the server does not take at all; the answer carries {@code Allow: }{@link #ALLOW}. */
    public static ProblemDetail methodProblem() {
        return Problems.of(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method not allowed",
                "This server does not take this HTTP method.");
    }

    public static ProblemDetail problem() {
        return Problems.of(HttpStatus.BAD_REQUEST, "bad-request", "Bad request",
                "The request's path or one of its headers holds characters this server does not accept.");
    }
}
