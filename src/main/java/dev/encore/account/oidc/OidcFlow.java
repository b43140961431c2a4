package dev.encore.account.oidc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.crypto.keygen.Base64StringKeyGenerator;
import org.springframework.security.crypto.keygen.StringKeyGenerator;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.PkceParameterNames;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.stereotype.Component;

import dev.encore.account.oidc.OidcAttempts.Attempt;
import dev.encore.account.oidc.OidcAttempts.Purpose;
import dev.encore.account.user.Reauthentications;
import dev.encore.platform.SecretBox;

/**
 * The authorization code flow with PKCE (S256), state and nonce. Starting one keeps an attempt (the
 * nonce's hash, the sealed verifier, whose account a link is for) under the SHA-256 of a random state;
 * the browser gets the state in a cookie too, so the callback must come back to the browser that
 * started it. Finishing takes the attempt (once), exchanges the code and validates the ID token.
 */
@Component
class OidcFlow {

    /** 32 random bytes, URL-safe Base64 (43 characters): states, nonces, verifiers and second-factor tickets. */
    private static final StringKeyGenerator RANDOM = new Base64StringKeyGenerator(Base64.getUrlEncoder().withoutPadding(), 32);
    private static final String VERIFIER = "account.oidc.code-verifier";

    /** A started flow: where to send the browser, and the state to bind it with. */
    record Started(String authorizationUri, String state) {
    }

    /** A finished flow: what it was for, and who signed in at the provider. */
    record Finished(Attempt attempt, IdTokens.Identity identity) {
    }

    /** What the provider sent the browser back with; any part may be null. */
    record Callback(String state, String code, String error) {
    }

    private final OidcProviders providers;
    private final OidcAttempts attempts;
    /** Made on first use ({@link IdTokens}): a start without providers never needs it. */
    private final ObjectProvider<IdTokens> idTokens;
    private final SecretBox box;

    OidcFlow(OidcProviders providers, OidcAttempts attempts, ObjectProvider<IdTokens> idTokens, SecretBox box) {
        this.providers = providers;
        this.attempts = attempts;
        this.idTokens = idTokens;
        this.box = box;
    }

    /**
     * Starts a sign-in ({@code userId} null), a link of {@code userId}'s account or a re-authentication of
     * its session {@code sessionId}. A re-authentication asks the provider for a fresh sign-in
     * ({@code prompt=login}) and for the time of it ({@code max_age}, which makes {@code auth_time} a required
     * claim, OpenID Connect Core §3.1.2.1): a provider's session of yesterday proves nothing.
     *
     * @throws OidcException {@code oidc-provider-not-found} or {@code oidc-provider-unavailable}
     */
    Started start(String provider, Purpose purpose, UUID userId, UUID sessionId) {
        ClientRegistration registration = providers.registration(provider);
        String state = RANDOM.generateKey();
        String nonce = RANDOM.generateKey();
        String verifier = RANDOM.generateKey();
        attempts.save(state, new Attempt(purpose, provider, userId, sessionId, OidcAttempts.hash(nonce),
                box.seal(verifier, VERIFIER)), providers.attemptTtl());
        String uri = OAuth2AuthorizationRequest.authorizationCode()
                .authorizationUri(registration.getProviderDetails().getAuthorizationUri())
                .clientId(registration.getClientId()).redirectUri(registration.getRedirectUri())
                .scopes(registration.getScopes()).state(state)
                .additionalParameters(parameters -> {
                    parameters.put(OidcParameterNames.NONCE, nonce);
                    parameters.put(PkceParameterNames.CODE_CHALLENGE, challenge(verifier));
                    parameters.put(PkceParameterNames.CODE_CHALLENGE_METHOD, "S256");
                    if (purpose == Purpose.REAUTHENTICATION) {
                        parameters.put("prompt", "login");
                        parameters.put("max_age", Long.toString(Reauthentications.VALID_FOR.toSeconds()));
                    }
                }).build().getAuthorizationRequestUri();
        return new Started(uri, state);
    }

    /**
     * Finishes the flow the provider sent the browser back from.
     *
     * @param boundState the state from the browser's cookie
     * @throws OidcException {@code oidc-state-invalid} (no, another, an expired or a used state, or another
     *                       provider's), {@code oidc-denied} / {@code oidc-provider-error} (the provider's
     *                       error), {@code oidc-code-missing}, or what {@link IdTokens#verify} throws
     */
    Finished finish(String provider, Callback callback, String boundState) {
        if (callback.state() == null || boundState == null || !MessageDigest.isEqual(
                callback.state().getBytes(StandardCharsets.UTF_8), boundState.getBytes(StandardCharsets.UTF_8))) {
            throw OidcException.stateInvalid();
        }
        Attempt attempt = attempts.take(callback.state()).filter(taken -> taken.purpose() != Purpose.MFA)
                .filter(taken -> taken.provider().equals(provider)).orElseThrow(OidcException::stateInvalid);
        if (callback.error() != null) {
            throw OidcException.denied(callback.error());
        }
        if (callback.code() == null || callback.code().isBlank()) {
            throw OidcException.codeMissing();
        }
        IdTokens.Identity identity = idTokens.getObject().verify(providers.registration(provider), callback.code(),
                callback.state(), box.open(attempt.codeVerifier(), VERIFIER), attempt.nonceHash());
        return new Finished(attempt, identity);
    }

    /** Keeps a sign-in of {@code userId} waiting for its second factor; the ticket goes into a cookie. */
    String awaitSecondFactor(String provider, UUID userId) {
        String ticket = RANDOM.generateKey();
        attempts.save(ticket, new Attempt(Purpose.MFA, provider, userId, null, null, null), providers.attemptTtl());
        return ticket;
    }

    /** RFC 7636 S256: BASE64URL(SHA-256(ASCII(verifier))). */
    static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        }
        catch (java.security.NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
