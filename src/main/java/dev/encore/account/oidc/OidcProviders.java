package dev.encore.account.oidc;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.client.RestClient;

import dev.encore.platform.EncoreProperties;

/**
 * The configured identity providers and their client registrations. A provider's metadata is discovered
 * from its issuer on first use, not at start: a provider that is down when Encore starts costs its own
 * sign-ins (503 {@code oidc-provider-unavailable}, tried again on the next one), never Encore's start
 * or readiness. A discovered registration is kept for the life of the process.
 */
@Component
class OidcProviders {

    private static final Logger log = LoggerFactory.getLogger(OidcProviders.class);

    /** What the sign-in screen shows: a button per provider. */
    record ProviderView(String id, String displayName) {
    }

    private final OidcProperties properties;
    private final String callbackBase;
    private final Map<String, ClientRegistration> discovered = new ConcurrentHashMap<>();
    /**
     * Reads metadata documents with a connect and a read timeout of their own: a provider that accepts the
     * connection and never answers would otherwise hold the sign-in's request thread without end. Made on
     * the first discovery: building a {@code RestClient} builds its message converters, among them a Jackson
     * 2 mapper for the YAML converter swagger-core's library brings, work a start without providers never
     * needs (docs/performance.md, sixteenth round).
     */
    private final SingletonSupplier<RestClient> metadataClient;

    OidcProviders(OidcProperties properties, EncoreProperties encore) {
        this.properties = properties;
        this.metadataClient = SingletonSupplier.of(() -> metadataClient(properties));
        this.callbackBase = encore.publicUrl().toString().replaceAll("/+$", "") + "/api/v1/auth/oidc/";
        properties.providers().forEach(OidcProviders::requireHttpIssuer);
        if (properties.enabled()) {
            log.info("OIDC sign-in with {}", properties.providers().keySet());
        }
    }

    private static RestClient metadataClient(OidcProperties properties) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .connectTimeout(properties.discoveryTimeout()).followRedirects(HttpClient.Redirect.NORMAL).build());
        requests.setReadTimeout(properties.discoveryTimeout());
        return RestClient.builder().requestFactory(requests).build();
    }

    private static void requireHttpIssuer(String id, OidcProperties.Provider provider) {
        String scheme = provider.issuerUri().getScheme();
        if (!provider.issuerUri().isAbsolute() || !("https".equals(scheme) || "http".equals(scheme))) {
            throw new IllegalStateException("encore.security.oidc.providers." + id
                    + ".issuer-uri must be an absolute http(s) URI");
        }
    }

    /** Every configured provider, by display name; empty when OIDC sign-in is off. */
    List<ProviderView> list() {
        return properties.providers().entrySet().stream()
                .map(entry -> new ProviderView(entry.getKey(), entry.getValue().label(entry.getKey())))
                .sorted(Comparator.comparing(ProviderView::displayName, String.CASE_INSENSITIVE_ORDER)).toList();
    }

    /** @throws OidcException {@code oidc-provider-not-found} */
    OidcProperties.Provider provider(String id) {
        OidcProperties.Provider provider = properties.providers().get(id);
        if (provider == null) {
            throw OidcException.unknownProvider();
        }
        return provider;
    }

    /** Whether {@code id} is configured now. */
    boolean configured(String id) {
        return properties.providers().containsKey(id);
    }

    /**
     * The provider's registration, discovering its metadata the first time.
     *
     * @throws OidcException {@code oidc-provider-not-found}, or {@code oidc-provider-unavailable} when its
     *                       discovery document cannot be read
     */
    ClientRegistration registration(String id) {
        OidcProperties.Provider provider = provider(id);
        ClientRegistration known = discovered.get(id);
        if (known != null) {
            return known;
        }
        try {
            ClientRegistration registration = discover(id, provider);
            discovered.putIfAbsent(id, registration);
            return registration;
        }
        catch (RuntimeException unreachable) {
            log.warn("OIDC provider {}: discovery from {} failed ({}); its sign-ins answer 503 until it works",
                    id, provider.issuerUri(), unreachable.getClass().getSimpleName());
            throw OidcException.unavailable();
        }
    }

    private ClientRegistration discover(String id, OidcProperties.Provider provider) {
        Set<String> scopes = new LinkedHashSet<>(List.of("openid"));
        scopes.addAll(provider.scopes());
        ClientRegistration.Builder builder = ClientRegistrations.fromOidcConfiguration(metadata(provider.issuerUri()))
                .registrationId(id).clientId(provider.clientId()).clientName(provider.label(id)).scope(scopes)
                .redirectUri(callbackBase + id + "/callback");
        if (provider.confidential()) {
            builder.clientSecret(provider.clientSecret());
        }
        else {
            builder.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
        }
        return builder.build();
    }

    /**
     * The provider's OpenID Connect metadata ({@code {issuer}/.well-known/openid-configuration}, OpenID
     * Connect Discovery 1.0 §4), which must name the configured issuer exactly (§4.3), as Spring's
     * {@code ClientRegistrations.fromIssuerLocation} checks; read here for the timeouts that one has not.
     */
    private Map<String, Object> metadata(URI issuer) {
        Map<String, Object> metadata = metadataClient.obtain().get()
                .uri(issuer.toString().replaceAll("/+$", "") + "/.well-known/openid-configuration")
                .retrieve().body(new ParameterizedTypeReference<Map<String, Object>>() { });
        if (metadata == null || !issuer.toString().equals(metadata.get("issuer"))) {
            throw new IllegalStateException("the metadata names another issuer");
        }
        return metadata;
    }

    /** How long a started sign-in may take. */
    java.time.Duration attemptTtl() {
        return properties.attemptTtl();
    }
}
