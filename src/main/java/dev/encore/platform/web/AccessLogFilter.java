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
import org.springframework.web.servlet.HandlerMapping;

import dev.encore.platform.RequestContext;

/**
 * One structured log line per request: method, route template (never the raw path, which may
 * hold tokens), status, duration, client address and, when known, the user id. Headers, query
 * strings and bodies are never logged.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class AccessLogFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger("dev.encore.access");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long started = System.nanoTime();
        try {
            chain.doFilter(request, response);
        }
        finally {
            long durationMs = (System.nanoTime() - started) / 1_000_000;
            String route = route(request);
            int status = response.getStatus();
            LoggingEventBuilder line = log.atInfo()
                    .addKeyValue("http.request.method", request.getMethod())
                    .addKeyValue("url.route", route)
                    .addKeyValue("http.response.status_code", status)
                    .addKeyValue("event.duration_ms", durationMs)
                    .addKeyValue("client.address", request.getRemoteAddr());
            String userId = RequestContext.userId(request);
            if (userId != null) {
                line = line.addKeyValue("user.id", userId);
            }
            line.log("{} {} {} {}ms", request.getMethod(), route, status, durationMs);
        }
    }

    private static String route(HttpServletRequest request) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        return pattern instanceof String template && !template.equals("/**") ? template : "(unmatched)";
    }
}
