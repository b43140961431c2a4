package dev.encore.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.jwk.source.ImmutableSecret;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

class VerifiedTokenCacheTests {

    private static final SecretKey KEY = new SecretKeySpec(
            "verified-token-cache-secret-0123456789abcdef".getBytes(StandardCharsets.UTF_8), "HmacSHA256");

    private final Set<String> revoked = new HashSet<>();
    private final VerifiedTokenCache decoder = decoder();

    @Test
    void aTokenIsVerifiedOnceAndValidatedOnEveryUse() {
        String token = token(Instant.now().plusSeconds(900));
        Jwt first = decoder.decode(token);
        assertThat(decoder.decode(token)).isSameAs(first);
        assertThat(decoder.size()).isEqualTo(1);

        revoked.add(first.getId()); // a logout after the token was remembered
        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("The token was revoked");
    }

    @Test
    void anExpiredTokenIsRefusedEveryTime() {
        String token = token(Instant.now().minusSeconds(3600));
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtValidationException.class)
                    .hasMessageContaining("expired");
        }
    }

    @Test
    void aTokenThatFailsVerificationIsRefusedAndNotRemembered() {
        String token = token(Instant.now().plusSeconds(900));
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA" + token.substring(token.lastIndexOf('.') + 5);
        String otherKey = new NimbusJwtEncoder(new ImmutableSecret<>(new SecretKeySpec(
                "another-secret-another-secret-0123456789ab".getBytes(StandardCharsets.UTF_8), "HmacSHA256")))
                .encode(parameters(Instant.now().plusSeconds(900))).getTokenValue();
        for (String bad : new String[] { forged, otherKey, "not.a.token", "" }) {
            assertThatThrownBy(() -> decoder.decode(bad)).as(bad).isInstanceOf(BadJwtException.class);
        }
        assertThat(decoder.size()).isZero();
        assertThat(decoder.decode(token).getTokenValue()).isEqualTo(token);
    }

    private VerifiedTokenCache decoder() {
        NimbusJwtDecoder verifier = NimbusJwtDecoder.withSecretKey(KEY).macAlgorithm(MacAlgorithm.HS256).build();
        verifier.setJwtValidator(jwt -> OAuth2TokenValidatorResult.success());
        OAuth2TokenValidator<Jwt> notRevoked = jwt -> revoked.contains(jwt.getId())
                ? OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "The token was revoked", null))
                : OAuth2TokenValidatorResult.success();
        return new VerifiedTokenCache(verifier,
                new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefault(), notRevoked));
    }

    private static String token(Instant expiresAt) {
        return new NimbusJwtEncoder(new ImmutableSecret<>(KEY)).encode(parameters(expiresAt)).getTokenValue();
    }

    private static JwtEncoderParameters parameters(Instant expiresAt) {
        JwtClaimsSet claims = JwtClaimsSet.builder().id(UUID.randomUUID().toString()).subject(UUID.randomUUID().toString())
                .issuedAt(expiresAt.minusSeconds(900)).expiresAt(expiresAt).build();
        return JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims);
    }
}
