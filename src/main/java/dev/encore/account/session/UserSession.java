package dev.encore.account.session;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A signed-in device: one refresh-token family. Ends at its absolute expiry, after an idle
 * period without refresh, or when revoked (logout, reuse of a rotated token, password change,
 * account disabled).
 */
@Entity
@Table(name = "account_sessions")
class UserSession {

    @Id
    private UUID id;
    @Column(name = "user_id")
    private UUID userId;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "last_used_at")
    private Instant lastUsedAt;
    @Column(name = "expires_at")
    private Instant expiresAt;
    @Column(name = "idle_expires_at")
    private Instant idleExpiresAt;
    @Column(name = "user_agent")
    private String userAgent;
    @Column(name = "client_ip")
    private String clientIp;
    @Column(name = "revoked_at")
    private Instant revokedAt;
    @Column(name = "revoked_reason")
    private String revokedReason;
    @Version
    private long version;

    protected UserSession() {
    }

    UserSession(UUID userId, ClientInfo client, Instant now, Duration absolute, Duration idle) {
        this.id = UUID.randomUUID();
        this.userId = userId;
        this.createdAt = now;
        this.lastUsedAt = now;
        this.expiresAt = now.plus(absolute);
        this.idleExpiresAt = now.plus(idle);
        this.userAgent = client.userAgent();
        this.clientIp = client.ip();
    }

    boolean isActive(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt) && now.isBefore(idleExpiresAt);
    }

    /** Records a refresh: extends the idle window, never past the absolute expiry. */
    void touch(ClientInfo client, Instant now, Duration idle) {
        this.lastUsedAt = now;
        Instant idleEnd = now.plus(idle);
        this.idleExpiresAt = idleEnd.isAfter(expiresAt) ? expiresAt : idleEnd;
        this.userAgent = client.userAgent();
        this.clientIp = client.ip();
    }

    void revoke(String reason, Instant now) {
        if (revokedAt == null) {
            this.revokedAt = now;
            this.revokedReason = reason;
        }
    }

    UUID id() {
        return id;
    }

    UUID userId() {
        return userId;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant lastUsedAt() {
        return lastUsedAt;
    }

    String userAgent() {
        return userAgent;
    }

    String clientIp() {
        return clientIp;
    }
}
