package dev.encore.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/**
 * Accepts the configured metrics scrape token ({@code encore.metrics.token}) as a bearer token
 * granting {@code ROLE_METRICS} and nothing else. Any other bearer token is left to the JWT
 * provider. Compared in constant time.
 */
class MetricsTokenAuthenticationProvider implements AuthenticationProvider {

    static final String ROLE = "ROLE_METRICS";

    private final byte[] token;

    MetricsTokenAuthenticationProvider(String token) {
        this.token = token == null || token.isBlank() ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String presented = ((BearerTokenAuthenticationToken) authentication).getToken();
        if (token == null || !MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8))) {
            return null;
        }
        return new MetricsScraper();
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return BearerTokenAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** The authenticated scraper. */
    static final class MetricsScraper extends AbstractAuthenticationToken {

        MetricsScraper() {
            super(List.of(new SimpleGrantedAuthority(ROLE)));
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public Object getPrincipal() {
            return "metrics-scraper";
        }
    }
}
