package dev.encore.account.session;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

import dev.encore.account.user.UserView;

/** Issues the short-lived access JWTs: {@code sub} user id, {@code roles}, {@code sid}, {@code jti}. */
@Component
class AccessTokens {

    private final JwtEncoder encoder;
    private final AccountProperties properties;
    private final Clock clock;

    AccessTokens(JwtEncoder encoder, AccountProperties properties, Clock clock) {
        this.encoder = encoder;
        this.properties = properties;
        this.clock = clock;
    }

    record Issued(String token, Instant expiresAt) {
    }

    Issued issue(UserView user, UUID sessionId) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(properties.accessTokenTtl());
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .subject(user.id().toString())
                .issuedAt(now)
                .expiresAt(expiresAt)
                .id(UUID.randomUUID().toString())
                .claim("sid", sessionId.toString())
                .claim("roles", user.roles())
                .claim("preferred_username", user.username())
                .build();
        String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
        return new Issued(token, expiresAt);
    }
}
