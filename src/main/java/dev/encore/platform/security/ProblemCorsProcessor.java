package dev.encore.platform.security;

import java.io.IOException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.DefaultCorsProcessor;

import dev.encore.platform.Problems;
import dev.encore.platform.web.ProblemWriter;

/**
 * Spring's CORS checks, with a refused cross-origin request answered as a 403 problem (and no
 * CORS headers) instead of a plain-text body, and the {@code Vary} header Spring adds one value at a
 * time sent as one header, not three.
 */
class ProblemCorsProcessor extends DefaultCorsProcessor {

    /** The request being checked; {@link #rejectRequest} only receives the response. */
    private static final ThreadLocal<HttpServletRequest> CURRENT = new ThreadLocal<>();

    private final ProblemWriter problems;

    ProblemCorsProcessor(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public boolean processRequest(CorsConfiguration config, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        CURRENT.set(request);
        try {
            return super.processRequest(config, request, response);
        }
        finally {
            CURRENT.remove();
            joinVary(response);
        }
    }

    /** One {@code Vary} header listing each value once (runs on every request: no streams). */
    private static void joinVary(HttpServletResponse response) {
        Collection<String> headers = response.getHeaders(HttpHeaders.VARY);
        if (headers.isEmpty() || headers.size() == 1 && headers.iterator().next().indexOf(',') < 0) {
            return;
        }
        Set<String> values = new LinkedHashSet<>();
        for (String header : headers) {
            for (String value : header.split(",")) {
                if (!value.isBlank()) {
                    values.add(value.strip());
                }
            }
        }
        if (values.size() > 1 || headers.size() > 1) {
            response.setHeader(HttpHeaders.VARY, String.join(", ", values));
        }
    }

    @Override
    protected void rejectRequest(ServerHttpResponse response) throws IOException {
        if (response instanceof ServletServerHttpResponse servlet) {
            problems.write(CURRENT.get(), servlet.getServletResponse(), Problems.of(HttpStatus.FORBIDDEN,
                    "cors-rejected", "Origin not allowed", "This origin may not call the API."));
            return;
        }
        super.rejectRequest(response);
    }
}
