package dev.encore.platform.security;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Remembers access tokens whose signature was checked, so that a client's next request with the same
 * token skips parsing, the HMAC and the claim conversion; the validation (expiry, not before,
 * revocation) still runs on every request. A token is remembered by its whole text, signature
 * included, so only the exact bytes that were verified match; a token that fails to verify is never
 * remembered (nothing an unauthenticated caller sends takes room here).
 */
final class VerifiedTokenCache implements JwtDecoder {

    /** Room for the tokens of a few thousand active clients (a decoded token is about 2 KB). */
    static final int MAXIMUM_SIZE = 4_096;
    /** Shorter than a token's life: an idle client's entry goes; the next request verifies again. */
    static final Duration KEEP = Duration.ofMinutes(5);

    private final JwtDecoder verifier;
    private final OAuth2TokenValidator<Jwt> validator;
    private final Cache<String, Jwt> verified = Caffeine.newBuilder()
            .maximumSize(MAXIMUM_SIZE)
            .expireAfterAccess(KEEP)
            .build();

    /**
     * @param verifier  checks the signature and converts the claims, validating nothing
     * @param validator what is checked on every use
     */
    VerifiedTokenCache(JwtDecoder verifier, OAuth2TokenValidator<Jwt> validator) {
        this.verifier = verifier;
        this.validator = validator;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt jwt = verified.get(token, verifier::decode);
        OAuth2TokenValidatorResult result = validator.validate(jwt);
        if (result.hasErrors()) {
            // the message NimbusJwtDecoder gives, so nothing downstream can tell the difference
            String description = result.getErrors().stream().map(OAuth2Error::getDescription)
                    .filter(text -> text != null && !text.isEmpty()).findFirst().orElse("Unable to validate Jwt");
            throw new JwtValidationException(
                    "An error occurred while attempting to decode the Jwt: " + description, result.getErrors());
        }
        return jwt;
    }

    /** Tokens remembered now (for tests). */
    long size() {
        verified.cleanUp();
        return verified.estimatedSize();
    }
}
