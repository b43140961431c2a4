package dev.encore.account.session;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.relational.core.mapping.Table;

import dev.encore.platform.InsertOnlyRow;

/**
 * One refresh token of a session, kept only as its SHA-256; rotated on use, never reused. Spent by
 * {@link RefreshTokens#spend}, in the database, so two refreshes racing with the same token cannot
 * both get a new one.
 */
@Table("account_refresh_tokens")
class RefreshToken extends InsertOnlyRow<String> {

    @Id
    private final String tokenHash;
    private final UUID sessionId;
    private final Instant createdAt;
    private final Instant rotatedAt;

    @PersistenceCreator
    private RefreshToken(String tokenHash, UUID sessionId, Instant createdAt, Instant rotatedAt) {
        this.tokenHash = tokenHash;
        this.sessionId = sessionId;
        this.createdAt = createdAt;
        this.rotatedAt = rotatedAt;
    }

    RefreshToken(String tokenHash, UUID sessionId, Instant now) {
        this(tokenHash, sessionId, now, null);
    }

    @Override
    public String getId() {
        return tokenHash;
    }

    boolean wasRotated() {
        return rotatedAt != null;
    }

    UUID sessionId() {
        return sessionId;
    }
}
