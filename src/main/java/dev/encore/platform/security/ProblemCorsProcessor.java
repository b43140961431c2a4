package dev.encore.platform.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.DefaultCorsProcessor;

import dev.encore.platform.Problems;
import dev.encore.platform.web.ProblemWriter;

/**
 * Spring's CORS checks, with a refused cross-origin request answered as a 403 problem (and no
 * CORS headers) instead of a plain-text body.
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
            jakarta.servlet.http.HttpServletResponse response) throws IOException {
        CURRENT.set(request);
        try {
            return super.processRequest(config, request, response);
        }
        finally {
            CURRENT.remove();
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
