package dev.encore.account.recovery;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import org.apache.commons.codec.digest.DigestUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.keygen.Base64StringKeyGenerator;
import org.springframework.security.crypto.keygen.StringKeyGenerator;
import org.springframework.stereotype.Component;

/**
 * Reset tokens ({@code account_password_resets}): 256 random bits, of which only the SHA-256 is
 * stored, so the table gives nobody a working link. In the database, so a link asked for on one node
 * works on any other.
 */
@Component
class ResetTokens {

    /** 32 random bytes, URL-safe Base64, as refresh tokens are made ({@code SessionTokens}). */
    private static final StringKeyGenerator TOKENS =
            new Base64StringKeyGenerator(Base64.getUrlEncoder().withoutPadding(), 32);

    private final JdbcClient jdbc;

    ResetTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A token that still works: its row id and account. */
    record Usable(UUID id, UUID userId) {
    }

    /** A new token for {@code userId}; every earlier one of the account stops working. */
    String issue(UUID resetId, UUID userId, Instant now, Instant expiresAt) {
        invalidate(userId, now);
        String token = TOKENS.generateKey();
        jdbc.sql("INSERT INTO account_password_resets (id, user_id, token_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?)")
                .params(resetId, userId, hash(token), Timestamp.from(now), Timestamp.from(expiresAt)).update();
        return token;
    }

    /** The token's row, if it is known, unused and not expired. */
    Optional<Usable> find(String token, Instant now) {
        return jdbc.sql("""
                SELECT id, user_id FROM account_password_resets
                WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?""")
                .params(hash(token), Timestamp.from(now))
                .query((rs, row) -> new Usable(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class))).optional();
    }

    /** Spends the token; false when another request spent it first. */
    boolean spend(UUID resetId, Instant now) {
        return jdbc.sql("UPDATE account_password_resets SET used_at = ? WHERE id = ? AND used_at IS NULL")
                .params(Timestamp.from(now), resetId).update() == 1;
    }

    /** Every open token of the account stops working. */
    void invalidate(UUID userId, Instant now) {
        jdbc.sql("UPDATE account_password_resets SET used_at = ? WHERE user_id = ? AND used_at IS NULL")
                .params(Timestamp.from(now), userId).update();
        jdbc.sql("DELETE FROM account_password_resets WHERE expires_at < ?")
                .param(Timestamp.from(now.minusSeconds(86_400))).update();
    }

    /** Stored as refresh tokens and recovery codes are: the SHA-256 in hex. */
    static String hash(String token) {
        return DigestUtils.sha256Hex(token);
    }
}
