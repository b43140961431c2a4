package dev.encore.platform.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.encore.platform.RequestContext;

/**
 * One structured log line per request: method, route template (never the raw path, which may
 * hold tokens; for requests refused before dispatch, the one {@link RouteTemplates} finds), status, duration, client address and, when known, the user id, both as fields (JSON)
 * and in the message (the human format prints only the message). Headers, query
 * strings and bodies are never logged. Requests Tomcat refuses before any filter runs get their
 * line from {@link ProblemReportValve} through {@link #logRefused}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class AccessLogFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger("dev.encore.access");

    /** Request attribute: this filter saw the request and logs it. */
    private static final String LOGGED = AccessLogFilter.class.getName() + ".LOGGED";

    private static final String UNMATCHED = "(unmatched)";

    private final RouteTemplates routes;

    AccessLogFilter(RouteTemplates routes) {
        this.routes = routes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long started = System.nanoTime();
        request.setAttribute(LOGGED, Boolean.TRUE);
        try {
            chain.doFilter(request, response);
        }
        finally {
            logLine(request, routes.of(request).orElse(UNMATCHED), response.getStatus(),
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    /** The line of a request Tomcat refused before the filters, unless this filter saw it. */
    static void logRefused(HttpServletRequest request, int status, long durationMs) {
        if (request.getAttribute(LOGGED) == null) {
            logLine(request, UNMATCHED, status, durationMs); // refused as malformed: no route to look up
        }
    }

    private static void logLine(HttpServletRequest request, String route, int status, long durationMs) {
        LoggingEventBuilder line = log.atInfo()
                .addKeyValue("http.request.method", request.getMethod())
                .addKeyValue("url.route", route)
                .addKeyValue("http.response.status_code", status)
                .addKeyValue("event.duration_ms", durationMs)
                .addKeyValue("client.address", request.getRemoteAddr());
        String userId = RequestContext.userId(request);
        if (userId == null) {
            line.log("{} {} {} {}ms client={}", request.getMethod(), route, status, durationMs, request.getRemoteAddr());
            return;
        }
        // the human format prints the message only, so it names the client and the user itself
        line.addKeyValue("user.id", userId).log("{} {} {} {}ms client={} user={}", request.getMethod(), route, status,
                durationMs, request.getRemoteAddr(), userId);
    }
}
