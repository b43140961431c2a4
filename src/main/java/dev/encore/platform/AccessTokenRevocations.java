package dev.encore.platform;

import java.time.Clock;
import java.time.Instant;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

import dev.encore.platform.security.DenyListStore;

/**
 * Makes access tokens stop working before they expire: one token (logout) or every token of a
 * session (session revoked, password changed, account disabled). Entries live only as long as
 * a token could, in-process in embedded mode and in Redis in distributed mode, so a logout on
 * one node is honoured by all.
 */
@Component
public class AccessTokenRevocations {

    private final DenyListStore store;
    private final Clock clock;

    AccessTokenRevocations(DenyListStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Refuses the token with id {@code jti} until it would have expired anyway. */
    public void revokeToken(String jti, Instant expiresAt) {
        store.deny("jti:" + jti, expiresAt);
    }

    /** Refuses every access token of session {@code sessionId} issued so far, for {@code lifetime}. */
    public void revokeSession(String sessionId, java.time.Duration lifetime) {
        store.deny("sid:" + sessionId, clock.instant().plus(lifetime));
    }

    /** Whether {@code jwt} was revoked, by its id or its session. */
    public boolean isRevoked(Jwt jwt) {
        return (jwt.getId() != null && store.isDenied("jti:" + jwt.getId()))
                || (jwt.getClaimAsString("sid") != null && store.isDenied("sid:" + jwt.getClaimAsString("sid")));
    }
}
