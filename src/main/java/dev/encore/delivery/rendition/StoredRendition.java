package dev.encore.delivery.rendition;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A rendition as the cluster knows it: the claim of the node making it, then the blob every node
 * serves, with its last use (the cache's recency).
 */
@Entity
@Table(name = "renditions")
class StoredRendition {

    enum State {
        MAKING, READY, FAILED
    }

    @Id
    @Column(name = "rendition_key")
    private String key;
    @Column(name = "source_sha256")
    private String sourceSha256;
    @Enumerated(EnumType.STRING)
    private RenditionFormat format;
    private int bitrate;
    @Enumerated(EnumType.STRING)
    private State status;
    @Column(name = "claim_token")
    private UUID claimToken;
    @Column(name = "claimed_at")
    private Instant claimedAt;
    private String sha256;
    @Column(name = "size_bytes")
    private Long size;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    protected StoredRendition() {
    }

    /** A new claim: {@code token}'s holder makes it. */
    StoredRendition(RenditionKey key, UUID token, Instant now) {
        this.key = key.value();
        this.sourceSha256 = key.sourceSha256();
        this.format = key.format();
        this.bitrate = key.bitrate();
        this.status = State.MAKING;
        this.claimToken = token;
        this.claimedAt = now;
    }

    String key() {
        return key;
    }

    State status() {
        return status;
    }

    UUID claimToken() {
        return claimToken;
    }

    Instant claimedAt() {
        return claimedAt;
    }

    Instant lastUsedAt() {
        return lastUsedAt;
    }

    String sha256() {
        return sha256;
    }

    long size() {
        return size == null ? 0 : size;
    }

    /** The stored rendition (only when READY). */
    Rendition rendition() {
        return new Rendition(sha256, size(), createdAt, claimToken);
    }
}
