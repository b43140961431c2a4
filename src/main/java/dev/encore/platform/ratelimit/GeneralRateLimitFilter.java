package dev.encore.platform.ratelimit;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.encore.platform.ClientKeys;
import dev.encore.platform.RateLimitExceededException;
import dev.encore.platform.RateLimitStatus;
import dev.encore.platform.RateLimits;
import dev.encore.platform.web.ProblemWriter;

/**
 * The general per-client limit on {@code /api/**}. Runs before authentication so that floods of
 * unauthenticated requests are limited too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 40)
class GeneralRateLimitFilter extends OncePerRequestFilter {

    private final RateLimits limits;
    private final ProblemWriter problems;

    GeneralRateLimitFilter(RateLimits limits, ProblemWriter problems) {
        this.limits = limits;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !limits.enabled() || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        RateLimitStatus status = limits.consume(RateLimitProperties.GENERAL, ClientKeys.of(request.getRemoteAddr()));
        status.writeTo(response);
        if (!status.allowed()) {
            problems.write(request, response, RateLimitExceededException.of(status).getBody());
            return;
        }
        chain.doFilter(request, response);
    }
}
