package dev.encore.platform.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.jwk.source.ImmutableSecret;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import dev.encore.platform.AccessTokenRevocations;
import dev.encore.platform.EncoreSecurityProperties;

/**
 * Access tokens are HS256 JWTs keyed by {@code encore.security.jwt-secret}; every node with the
 * same secret accepts every node's tokens. Revoked tokens (logout, revoked sessions) are refused
 * through {@link AccessTokenRevocations}.
 */
@Configuration(proxyBeanMethods = false)
class JwtConfiguration {

    /**
     * How far past its {@code exp} (or before its {@code nbf}) a token is still accepted. Only Encore's
     * own nodes issue and check these tokens, so the allowance covers the drift between their clocks
     * (NTP keeps it far below a second), not Spring's default minute, which kept a 15-minute token
     * working 16.
     */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(5);

    /**
     * Checks the signature once per token (see {@link VerifiedTokenCache}) and the expiry and
     * revocation on every request.
     */
    @Bean
    JwtDecoder jwtDecoder(EncoreSecurityProperties properties, AccessTokenRevocations revocations) {
        NimbusJwtDecoder verifier = NimbusJwtDecoder.withSecretKey(key(properties)).macAlgorithm(MacAlgorithm.HS256).build();
        verifier.setJwtValidator(jwt -> OAuth2TokenValidatorResult.success()); // validated on every use, below
        OAuth2TokenValidator<Jwt> notRevoked = jwt -> revocations.isRevoked(jwt)
                ? OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "The token was revoked", null))
                : OAuth2TokenValidatorResult.success();
        return new VerifiedTokenCache(verifier,
                new DelegatingOAuth2TokenValidator<>(
                        JwtValidators.createDefaultWithValidators(new JwtTimestampValidator(CLOCK_SKEW)), notRevoked));
    }

    @Bean
    JwtEncoder jwtEncoder(EncoreSecurityProperties properties) {
        return new NimbusJwtEncoder(new ImmutableSecret<>(key(properties)));
    }

    private static SecretKey key(EncoreSecurityProperties properties) {
        return new SecretKeySpec(properties.jwtSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }
}
