package dev.encore.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * {@code If-None-Match} and {@code If-Modified-Since} on a read, answered with 304 when the client's
 * copy is current. Spring's {@link ServletWebRequest#checkNotModified} compares entity tags but takes
 * {@code If-None-Match: *}, which matches any current representation (RFC 9110 §13.1.2), for a
 * mismatch on a GET, and sent the whole body; a cache revalidating with {@code *} gets its 304 here.
 */
public final class ConditionalRequests {

    private ConditionalRequests() {
    }

    /**
     * True when a 304 was set (with {@code ETag}, and {@code Last-Modified} when known): write nothing
     * more. Otherwise the validators are set on the answer and the caller writes its body.
     *
     * @param etag         the representation's quoted entity tag
     * @param lastModified epoch milliseconds, or a negative number when unknown
     */
    public static boolean notModified(HttpServletRequest request, HttpServletResponse response, String etag,
            long lastModified) {
        if (anyRepresentation(request)) {
            response.setHeader(HttpHeaders.ETAG, etag);
            if (lastModified >= 0) {
                response.setDateHeader(HttpHeaders.LAST_MODIFIED, lastModified);
            }
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return true;
        }
        return new ServletWebRequest(request, response).checkNotModified(etag, lastModified);
    }

    /** A GET or HEAD with {@code If-None-Match: *}: any current representation makes it a 304. */
    public static boolean anyRepresentation(HttpServletRequest request) {
        String method = request.getMethod();
        String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        return ifNoneMatch != null && ifNoneMatch.trim().equals("*")
                && ("GET".equals(method) || "HEAD".equals(method));
    }
}
