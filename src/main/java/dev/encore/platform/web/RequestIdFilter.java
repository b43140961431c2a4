package dev.encore.platform.web;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.encore.platform.RequestContext;

/**
 * Gives every request an id: the client's {@code X-Request-ID} when it is sane
 * ({@code [A-Za-z0-9._-]{1,64}}), a fresh UUID otherwise. The id is echoed in the response,
 * kept in the MDC for every log line, and added to every problem body.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIdFilter extends OncePerRequestFilter {

    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false; // the error page must log and answer with the same id
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String requestId = RequestContext.requestId(request);
        if (requestId == null) {
            requestId = chooseId(request.getHeader(RequestContext.REQUEST_ID_HEADER));
            RequestContext.setRequestId(request, requestId);
        }
        response.setHeader(RequestContext.REQUEST_ID_HEADER, requestId);
        MDC.put(RequestContext.REQUEST_ID, requestId);
        try {
            chain.doFilter(request, response);
        }
        finally {
            MDC.remove(RequestContext.REQUEST_ID);
            MDC.remove(RequestContext.USER_ID);
        }
    }

    static String chooseId(String offered) {
        return offered != null && SANE.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
    }
}
