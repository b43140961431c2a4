package dev.encore.platform;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Names under which Encore keeps per-request facts: the request id and the signed-in user id
 * are request attributes (they survive error dispatches) and MDC entries (they end up in every
 * log line of the request).
 */
public final class RequestContext {

    /** Header carrying the request id in both directions. */
    public static final String REQUEST_ID_HEADER = "X-Request-ID";
    /** MDC key and request attribute suffix of the request id. */
    public static final String REQUEST_ID = "requestId";
    /** MDC key and request attribute suffix of the signed-in user's id. */
    public static final String USER_ID = "userId";

    private static final String ATTRIBUTE_PREFIX = "dev.encore.";

    private RequestContext() {
    }

    /** The request id given to {@code request}, or {@code null} before the request id filter ran. */
    public static String requestId(HttpServletRequest request) {
        return (String) request.getAttribute(ATTRIBUTE_PREFIX + REQUEST_ID);
    }

    public static void setRequestId(HttpServletRequest request, String requestId) {
        request.setAttribute(ATTRIBUTE_PREFIX + REQUEST_ID, requestId);
    }

    /** The signed-in user's id, or {@code null} for anonymous requests. */
    public static String userId(HttpServletRequest request) {
        return (String) request.getAttribute(ATTRIBUTE_PREFIX + USER_ID);
    }

    public static void setUserId(HttpServletRequest request, String userId) {
        request.setAttribute(ATTRIBUTE_PREFIX + USER_ID, userId);
    }
}
