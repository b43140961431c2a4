package dev.encore.delivery.rendition;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

import dev.encore.platform.InsertOnlyRow;

/**
 * A rendition as the cluster knows it: the claim of the node making it, then the blob every node
 * serves, with its last use (the cache's recency). Inserted as a claim, then changed only by the
 * compare-and-set statements of {@link StoredRenditions}.
 */
@Table("renditions")
class StoredRendition extends InsertOnlyRow<String> {

    enum State {
        MAKING, READY, FAILED
    }

    @Id
    @Column("rendition_key")
    private String key;
    private String sourceSha256;
    private RenditionFormat format;
    private int bitrate;
    private State status;
    private UUID claimToken;
    private Instant claimedAt;
    private String sha256;
    @Column("size_bytes")
    private Long size;
    private Instant createdAt;
    private Instant lastUsedAt;

    /** For Spring Data, which fills the fields of one read from the database. */
    private StoredRendition() {
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

    @Override
    public String getId() {
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
