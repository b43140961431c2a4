package dev.encore.account.oidc;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.apache.commons.codec.digest.DigestUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Started sign-ins, links and second-factor steps, in the database so that any node can finish what
 * another started (DESIGN §2). Kept by the SHA-256 of their state, short-lived, and single-use: taking
 * one deletes it, and of two requests taking the same one only one gets it.
 */
@Component
class OidcAttempts {

    /** What an attempt is for. */
    enum Purpose {
        SIGN_IN, LINK, MFA, REAUTHENTICATION
    }

    /**
     * @param userId       the account being linked, re-authenticated or waiting for its second factor; null
     *                     for a sign-in
     * @param sessionId    the session a re-authentication is for; null otherwise
     * @param nonceHash    SHA-256 of the nonce sent to the provider
     * @param codeVerifier the PKCE verifier, sealed with {@link dev.encore.platform.SecretBox}
     */
    record Attempt(Purpose purpose, String provider, UUID userId, UUID sessionId, String nonceHash,
            String codeVerifier) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    OidcAttempts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Keeps {@code attempt} under {@code state} for {@code ttl}, forgetting attempts that expired unfinished. */
    void save(String state, Attempt attempt, Duration ttl) {
        Instant now = clock.instant();
        jdbc.sql("DELETE FROM account_oidc_attempts WHERE expires_at <= ?").param(Timestamp.from(now)).update();
        Instant expiresAt = now.plus(ttl);
        jdbc.sql("INSERT INTO account_oidc_attempts (state_hash, purpose, provider, user_id, session_id, nonce, "
                + "code_verifier, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(hash(state), attempt.purpose().name(), attempt.provider(), attempt.userId(),
                        attempt.sessionId(), attempt.nonceHash(), attempt.codeVerifier(), Timestamp.from(expiresAt))
                .update();
    }

    /** The unexpired attempt of {@code state} for {@code purpose}, left in place (a second factor may be retried). */
    Optional<Attempt> find(String state, Purpose purpose) {
        Instant now = clock.instant();
        if (state == null || state.isBlank()) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT purpose, provider, user_id, session_id, nonce, code_verifier FROM account_oidc_attempts "
                + "WHERE state_hash = ? AND expires_at > ?").params(hash(state), Timestamp.from(now))
                .query((row, n) -> new Attempt(Purpose.valueOf(row.getString("purpose")), row.getString("provider"),
                        row.getObject("user_id", UUID.class), row.getObject("session_id", UUID.class),
                        row.getString("nonce"), row.getString("code_verifier")))
                .optional().filter(attempt -> purpose == null || attempt.purpose() == purpose);
    }

    /** Takes the unexpired attempt of {@code state}: found and deleted by this call, else empty. */
    Optional<Attempt> take(String state) {
        Optional<Attempt> attempt = find(state, null);
        return attempt.filter(found -> delete(state) == 1);
    }

    int delete(String state) {
        return jdbc.sql("DELETE FROM account_oidc_attempts WHERE state_hash = ?").param(hash(state)).update();
    }

    static String hash(String value) {
        return DigestUtils.sha256Hex(value);
    }
}
