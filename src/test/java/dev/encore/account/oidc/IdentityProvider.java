package dev.encore.account.oidc;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;

import org.springframework.test.context.DynamicPropertyRegistry;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

/**
 * A real OIDC provider on loopback (NAV's mock-oauth2-server): discovery, authorization endpoint with
 * PKCE and nonce, token endpoint, JWKS. Each issuer id is a provider of its own. What the next sign-in's
 * ID token says is queued with {@link #nextSignIn}, or with {@link #nextToken} one that a relying party
 * must refuse (another audience, an expired one, a wrong nonce), signed with the provider's own key.
 */
public final class IdentityProvider {

    private final MockOAuth2Server server = new MockOAuth2Server();

    public IdentityProvider() {
        server.start(InetAddress.getLoopbackAddress(), 0);
    }

    /**
     * Configures Encore's provider {@code id} on this provider's issuer of the same id: client
     * {@code encore-<id>}, a client secret, {@code displayName}, registration allowed or not.
     */
    public void register(DynamicPropertyRegistry registry, String id, String displayName, boolean registration) {
        String prefix = "encore.security.oidc.providers." + id + ".";
        registry.add(prefix + "issuer-uri", () -> issuer(id));
        registry.add(prefix + "client-id", () -> "encore-" + id);
        registry.add(prefix + "client-secret", () -> "secret-of-" + id);
        registry.add(prefix + "display-name", () -> displayName);
        registry.add(prefix + "allow-registration", () -> Boolean.toString(registration));
    }

    public String issuer(String issuerId) {
        return server.issuerUrl(issuerId).toString();
    }

    /** The next token request of {@code issuerId} signs in {@code subject} with these claims. */
    public void nextSignIn(String issuerId, String subject, String clientId, Map<String, Object> claims) {
        nextToken(issuerId, subject, List.of(clientId), claims, 3600);
    }

    /** The next token request of {@code issuerId} gets an ID token for {@code audience}, valid {@code expirySeconds}. */
    void nextToken(String issuerId, String subject, List<String> audience, Map<String, Object> claims,
            long expirySeconds) {
        server.enqueueCallback(new DefaultOAuth2TokenCallback(issuerId, subject, "JWT", audience, claims, expirySeconds));
    }

    public void shutdown() {
        server.shutdown();
    }
}
