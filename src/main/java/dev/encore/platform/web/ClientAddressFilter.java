package dev.encore.platform.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.encore.platform.EncoreSecurityProperties;

/**
 * Replaces the request's remote address with the real client address (see
 * {@link ClientAddressResolver}), so rate limits, logs and audits downstream all see the same
 * value. Behind a trusted proxy, {@code X-Forwarded-Proto: https} also marks the request secure.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ClientAddressFilter extends OncePerRequestFilter {

    private final ClientAddressResolver resolver;

    ClientAddressFilter(EncoreSecurityProperties properties) {
        this.resolver = new ClientAddressResolver(properties.trustedProxies());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String peer = request.getRemoteAddr();
        if (!resolver.isTrusted(peer)) {
            chain.doFilter(request, response);
            return;
        }
        String client = resolver.resolve(peer, request.getHeader("Forwarded"), request.getHeader("X-Forwarded-For"));
        boolean https = "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"));
        chain.doFilter(new ForwardedRequest(request, client, https || request.isSecure()), response);
    }

    private static final class ForwardedRequest extends HttpServletRequestWrapper {

        private final String client;
        private final boolean secure;

        ForwardedRequest(HttpServletRequest request, String client, boolean secure) {
            super(request);
            this.client = client;
            this.secure = secure;
        }

        @Override
        public String getRemoteAddr() {
            return client;
        }

        @Override
        public String getRemoteHost() {
            return client;
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public String getScheme() {
            return secure ? "https" : super.getScheme();
        }
    }
}
