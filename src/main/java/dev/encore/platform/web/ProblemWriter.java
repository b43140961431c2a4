package dev.encore.platform.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import dev.encore.platform.EncoreProperties;
import dev.encore.platform.Problems;
import dev.encore.platform.RequestContext;

/**
 * Writes problem+json bodies where Spring MVC's exception handling does not reach: servlet
 * filters, the security entry point and access-denied handler, CORS rejections and the error
 * page. Fills in the members every Encore problem carries ({@code type}, {@code title},
 * {@code instance}, {@code requestId}); every problem answer passes through {@link #complete}, which
 * makes its type an absolute URI under Encore's public URL ({@code {encore.public-url}/problems/{name}}).
 */
@Component
public class ProblemWriter {

    private final JsonMapper json;
    private final String publicUrl;

    public ProblemWriter(JsonMapper json, EncoreProperties encore) {
        this.json = json;
        this.publicUrl = encore.publicUrl().toString().replaceAll("/+$", "");
    }

    /** Completes {@code problem} with the members every Encore problem carries. */
    public ProblemDetail complete(ProblemDetail problem, HttpServletRequest request) {
        if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
            problem.setType(Problems.type(Problems.slugFor(problem.getStatus())));
        }
        String type = problem.getType().toString();
        if (type.startsWith(Problems.TYPE_PATH)) {
            problem.setType(java.net.URI.create(publicUrl + type));
        }
        HttpStatusCode status = HttpStatusCode.valueOf(problem.getStatus());
        String reasonPhrase = status instanceof org.springframework.http.HttpStatus known ? known.getReasonPhrase() : null;
        // ProblemDetail answers a title never set with the reason phrase ("Bad Request"); Encore's problems
        // carry the catalogue's ("Bad request") wherever they were written
        if (problem.getTitle() == null || problem.getTitle().equals(reasonPhrase)) {
            problem.setTitle(ProblemCatalogue.find(type.substring(type.lastIndexOf('/') + 1))
                    .map(ProblemCatalogue.ProblemType::title)
                    .orElse(reasonPhrase == null ? "Error" : reasonPhrase));
        }
        if (problem.getInstance() == null && request != null) {
            problem.setInstance(java.net.URI.create(safePath(request)));
        }
        String requestId = request == null ? null : RequestContext.requestId(request);
        if (requestId != null) {
            problem.setProperty(Problems.REQUEST_ID, requestId);
        }
        return problem;
    }

    /** Writes {@code problem} as the whole response, unless the response is already committed. */
    public void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        complete(problem, request);
        response.resetBuffer();
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(json.writeValueAsBytes(toMap(problem)));
        response.flushBuffer();
    }

    static Map<String, Object> toMap(ProblemDetail problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        if (problem.getDetail() != null) {
            body.put("detail", problem.getDetail());
        }
        if (problem.getInstance() != null) {
            body.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        return body;
    }

    /**
     * The request path, reduced to characters that are safe in a URI reference; a {@code %} that
     * does not start an escape ({@code /a.%%}, {@code /%zz}, a trailing {@code %}: paths Tomcat
     * refuses) becomes {@code %25}, or the path would be no URI at all.
     */
    static String safePath(HttpServletRequest request) {
        Object original = request.getAttribute(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI);
        String path = original instanceof String uri ? uri : request.getRequestURI();
        return path == null ? "/" : SIGNED_LINK.matcher(path).replaceFirst("$1token")
                .replaceAll("[^A-Za-z0-9._~!$&'()*+,;=:@/%-]", "")
                .replaceAll("%(?![0-9A-Fa-f]{2})", "%25");
    }

    /**
     * The token of a signed link ({@code /dl/<token>}, {@code /stream/tracks/<token>/…}) is its
     * credential: a problem names the link's route, never the token, as the access log does, since
     * problem bodies end up in clients' error reports.
     */
    private static final java.util.regex.Pattern SIGNED_LINK = java.util.regex.Pattern.compile(
            "^(/dl/|/stream/[a-z]+/)[^/]+");
}
