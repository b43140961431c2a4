package dev.encore.ingest.artifact;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The shared result of fetching one source in one format: the single-flight claim while one
 * worker produces it, then the stored blob every identical request reuses until it expires.
 */
@Entity
@Table(name = "import_artifacts")
public class Artifact {

    enum State {
        FETCHING, READY, FAILED
    }

    @Id
    @Column(name = "artifact_key")
    private String key;
    @Enumerated(EnumType.STRING)
    private State status;
    @Column(name = "claim_token")
    private UUID claimToken;
    @Column(name = "claimed_at")
    private Instant claimedAt;
    private String sha256;
    @Column(name = "size_bytes")
    private Long size;
    @Column(name = "duration_ms")
    private Long durationMs;
    private String title;
    @Column(name = "error_code")
    private String errorCode;
    @Column(name = "error_message")
    private String errorMessage;
    @Column(name = "expires_at")
    private Instant expiresAt;

    protected Artifact() {
    }

    Artifact(String key, UUID claimToken, Instant now) {
        this.key = key;
        this.status = State.FETCHING;
        this.claimToken = claimToken;
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

    public String sha256() {
        return sha256;
    }

    Long size() {
        return size;
    }

    Long durationMs() {
        return durationMs;
    }

    String title() {
        return title;
    }

    String errorCode() {
        return errorCode;
    }

    String errorMessage() {
        return errorMessage;
    }

    Instant expiresAt() {
        return expiresAt;
    }
}
