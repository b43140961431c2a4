package dev.encore.account.session;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A signed-in device: one refresh-token family. Ends at its absolute expiry, after an idle
 * period without refresh, or when revoked (logout, reuse of a rotated token, password change,
 * account disabled).
 */
@Table("account_sessions")
class UserSession {

    @Id
    private UUID id;
    private UUID userId;
    private Instant createdAt;
    private Instant lastUsedAt;
    private Instant expiresAt;
    private Instant idleExpiresAt;
    private String userAgent;
    private String clientIp;
    private Instant revokedAt;
    private String revokedReason;
    /** None until it is first stored (how Spring Data tells a new session), then counted up by every save. */
    @Version
    private Long version;

    /** For Spring Data, which fills the fields of one read from the database. */
    private UserSession() {
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
