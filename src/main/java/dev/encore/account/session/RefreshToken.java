package dev.encore.account.session;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One refresh token of a session, kept only as its SHA-256; rotated on use, never reused. */
@Entity
@Table(name = "account_refresh_tokens")
class RefreshToken {

    @Id
    @Column(name = "token_hash")
    private String tokenHash;
    @Column(name = "session_id")
    private UUID sessionId;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "rotated_at")
    private Instant rotatedAt;

    protected RefreshToken() {
    }

    RefreshToken(String tokenHash, UUID sessionId, Instant now) {
        this.tokenHash = tokenHash;
        this.sessionId = sessionId;
        this.createdAt = now;
    }

    boolean wasRotated() {
        return rotatedAt != null;
    }

    void markRotated(Instant now) {
        this.rotatedAt = now;
    }

    UUID sessionId() {
        return sessionId;
    }
}
