package dev.encore.ingest.artifact;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

import dev.encore.platform.InsertOnlyRow;

/**
 * The shared result of fetching one source in one format: the single-flight claim while one
 * worker produces it, then the stored blob every identical request reuses until it expires. A save
 * only ever inserts one (the claim: of two workers inserting the same key, the second fails and
 * waits); every later change is a compare-and-set statement in {@link Artifacts}.
 */
@Table("import_artifacts")
public class Artifact extends InsertOnlyRow<String> {

    enum State {
        FETCHING, READY, FAILED
    }

    @Id
    @Column("artifact_key")
    private String key;
    private State status;
    private UUID claimToken;
    private Instant claimedAt;
    private String sha256;
    @Column("size_bytes")
    private Long size;
    private Long durationMs;
    private String title;
    private String errorCode;
    private String errorMessage;
    private Instant expiresAt;

    /** For Spring Data, which fills the fields of one read from the database. */
    private Artifact() {
    }

    Artifact(String key, UUID claimToken, Instant now) {
        this.key = key;
        this.status = State.FETCHING;
        this.claimToken = claimToken;
        this.claimedAt = now;
    }

    @Override
    public String getId() {
        return key;
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
