package dev.encore.account.oidc;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationExchange;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationResponse;
import org.springframework.security.oauth2.core.endpoint.PkceParameterNames;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientException;

/**
 * The code exchange and the ID token check, with Spring Security's own pieces: the token endpoint
 * client sends the PKCE verifier and the client's credentials; {@link OidcIdTokenDecoderFactory} checks
 * the signature against the provider's JWKS and the issuer, audience, authorized party, expiry and
 * issue time ({@code OidcIdTokenValidator}). The nonce is checked here. The provider's access and
 * refresh tokens are dropped: Encore calls none of the provider's APIs after sign-in, and a token it
 * does not keep cannot leak.
 * <p>
 * Made on the first callback that needs it ({@link Lazy}, looked up by {@link OidcFlow}), not at start: its
 * two clients load about 600 classes (Apache HttpClient, which Spring's {@code RestClient} picks, TLS and
 * the JDK's trust store, Spring Security's OAuth 2.0 client) that a start without OIDC providers, the
 * default, never uses (docs/performance.md, fifteenth round).
 */
@Lazy
@Component
class IdTokens {

    private static final Logger log = LoggerFactory.getLogger(IdTokens.class);

    /**
     * Who the provider says signed in; {@code email} may be null, {@code emailVerified} false.
     *
     * @param authTime when the person signed in at the provider ({@code auth_time}); null when not told
     */
    record Identity(String issuer, String subject, String email, boolean emailVerified, String preferredUsername,
            String name, Instant authTime) {
    }

    private final OAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> tokenClient =
            new RestClientAuthorizationCodeTokenResponseClient();
    private final OidcIdTokenDecoderFactory decoders = new OidcIdTokenDecoderFactory();

    /**
     * Exchanges {@code code} and validates the ID token it brings.
     *
     * @throws OidcException {@code oidc-provider-error} when the provider refuses the exchange,
     *                       {@code oidc-id-token-invalid} when the ID token is missing or fails a check
     */
    Identity verify(ClientRegistration registration, String code, String state, String codeVerifier,
            String nonceHash) {
        Jwt idToken = decode(registration, idToken(exchange(registration, code, state, codeVerifier)));
        String nonce = idToken.getClaimAsString(OidcParameterNames.NONCE);
        if (nonce == null || !MessageDigest.isEqual(OidcAttempts.hash(nonce).getBytes(StandardCharsets.US_ASCII),
                nonceHash.getBytes(StandardCharsets.US_ASCII))) {
            log.info("OIDC provider {}: ID token with a wrong or missing nonce refused", registration.getRegistrationId());
            throw OidcException.idTokenInvalid();
        }
        Boolean verified = idToken.getClaimAsBoolean("email_verified");
        return new Identity(idToken.getIssuer().toString(), idToken.getSubject(), idToken.getClaimAsString("email"),
                Boolean.TRUE.equals(verified), idToken.getClaimAsString("preferred_username"),
                idToken.getClaimAsString("name"), idToken.getClaimAsInstant(IdTokenClaimNames.AUTH_TIME));
    }

    private OAuth2AccessTokenResponse exchange(ClientRegistration registration, String code, String state,
            String codeVerifier) {
        OAuth2AuthorizationRequest request = OAuth2AuthorizationRequest.authorizationCode()
                .authorizationUri(registration.getProviderDetails().getAuthorizationUri())
                .clientId(registration.getClientId()).redirectUri(registration.getRedirectUri())
                .scopes(registration.getScopes()).state(state)
                .attributes(attributes -> attributes.put(PkceParameterNames.CODE_VERIFIER, codeVerifier)).build();
        OAuth2AuthorizationResponse response = OAuth2AuthorizationResponse.success(code)
                .redirectUri(registration.getRedirectUri()).state(state).build();
        try {
            return tokenClient.getTokenResponse(new OAuth2AuthorizationCodeGrantRequest(registration,
                    new OAuth2AuthorizationExchange(request, response)));
        }
        catch (OAuth2AuthorizationException | OAuth2AuthenticationException | RestClientException refused) {
            log.info("OIDC provider {}: code exchange refused ({})", registration.getRegistrationId(),
                    refused.getClass().getSimpleName());
            throw OidcException.exchangeFailed();
        }
    }

    private static String idToken(OAuth2AccessTokenResponse response) {
        Object idToken = response.getAdditionalParameters().get(OidcParameterNames.ID_TOKEN);
        if (!(idToken instanceof String token) || token.isBlank()) {
            throw OidcException.idTokenInvalid();
        }
        return token;
    }

    private Jwt decode(ClientRegistration registration, String idToken) {
        try {
            return decoders.createDecoder(registration).decode(idToken);
        }
        catch (JwtException | OAuth2AuthenticationException invalid) {
            log.info("OIDC provider {}: ID token refused: {}", registration.getRegistrationId(), invalid.getMessage());
            throw OidcException.idTokenInvalid();
        }
    }
}
