package dev.encore.support;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

/** Mints access tokens the way the account module will, with the app's own encoder. */
public final class Tokens {

    private final JwtEncoder encoder;

    public Tokens(JwtEncoder encoder) {
        this.encoder = encoder;
    }

    public String user() {
        return token(UUID.randomUUID().toString(), List.of("USER"), Duration.ofMinutes(15));
    }

    public String admin() {
        return token(UUID.randomUUID().toString(), List.of("USER", "ADMIN"), Duration.ofMinutes(15));
    }

    /** A correctly signed token that expired two minutes ago (well beyond the clock skew allowed). */
    public String expired() {
        return expiredFor(Duration.ofMinutes(2));
    }

    /** A correctly signed 15-minute token whose expiry passed {@code ago} before now. */
    public String expiredFor(Duration ago) {
        return token(UUID.randomUUID().toString(), List.of("USER"),
                Instant.now().minus(Duration.ofMinutes(15)).minus(ago), Duration.ofMinutes(15));
    }

    public String token(String subject, List<String> roles, Duration lifetime) {
        return token(subject, roles, Instant.now(), lifetime);
    }

    private String token(String subject, List<String> roles, Instant now, Duration lifetime) {
        JwtClaimsSet claims = JwtClaimsSet.builder().subject(subject).issuedAt(now).expiresAt(now.plus(lifetime))
                .id(UUID.randomUUID().toString()).claim("roles", roles).claim("sid", UUID.randomUUID().toString())
                .build();
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
    }
}
