package dev.encore.insights.query;

import java.util.UUID;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who asks.
 *
 * @param userId the signed-in user
 * @param admin  whether they are an admin (may read every item and the server's overview)
 */
public record Caller(UUID userId, boolean admin) {

    /** The signed-in caller of a request (an access-token authentication). */
    public static Caller of(Authentication authentication) {
        Jwt jwt = (Jwt) authentication.getPrincipal();
        boolean admin = authentication.getAuthorities().stream()
                .anyMatch(role -> "ROLE_ADMIN".equals(role.getAuthority()));
        return new Caller(UUID.fromString(jwt.getSubject()), admin);
    }
}
