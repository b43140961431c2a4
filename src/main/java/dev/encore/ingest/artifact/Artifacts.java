package dev.encore.ingest.artifact;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

/** Shared artifacts; every transition is a compare-and-set on the claim token. */
public interface Artifacts extends ListCrudRepository<Artifact, String> {

    /** Takes over a row (expired, failed, stale or missing its blob) that still has {@code expected} as token. */
    @Transactional
    @Modifying
    @Query("UPDATE import_artifacts SET status = 'FETCHING', claim_token = :token, claimed_at = :now, sha256 = NULL, "
            + "size_bytes = NULL, duration_ms = NULL, title = NULL, error_code = NULL, error_message = NULL, "
            + "expires_at = NULL WHERE artifact_key = :key AND claim_token = :expected")
    int reclaim(@Param("key") String key, @Param("expected") UUID expected, @Param("token") UUID token,
            @Param("now") Instant now);

    /** Keeps a claim fresh while its holder works, so others do not take it over. */
    @Transactional
    @Modifying
    @Query("UPDATE import_artifacts SET claimed_at = :now WHERE artifact_key = :key AND claim_token = :token "
            + "AND status = 'FETCHING'")
    int heartbeat(@Param("key") String key, @Param("token") UUID token, @Param("now") Instant now);

    @Transactional
    @Modifying
    @Query("UPDATE import_artifacts SET status = 'READY', sha256 = :sha256, size_bytes = :size, duration_ms = :durationMs, "
            + "title = :title, expires_at = :expiresAt, claimed_at = :now WHERE artifact_key = :key AND claim_token = :token")
    int ready(@Param("key") String key, @Param("token") UUID token, @Param("sha256") String sha256,
            @Param("size") long size, @Param("durationMs") Long durationMs, @Param("title") String title,
            @Param("expiresAt") Instant expiresAt,
            @Param("now") Instant now);

    @Transactional
    @Modifying
    @Query("UPDATE import_artifacts SET status = 'FAILED', error_code = :errorCode, error_message = :errorMessage, "
            + "claimed_at = :now WHERE artifact_key = :key AND claim_token = :token")
    int failed(@Param("key") String key, @Param("token") UUID token, @Param("errorCode") String errorCode,
            @Param("errorMessage") String errorMessage, @Param("now") Instant now);

    @Transactional
    @Modifying
    @Query("DELETE FROM import_artifacts WHERE artifact_key = :key AND claim_token = :token")
    int release(@Param("key") String key, @Param("token") UUID token);

    /** Deletes a ready row that still holds {@code sha256} (not one made again since). */
    @Transactional
    @Modifying
    @Query("DELETE FROM import_artifacts WHERE artifact_key = :key AND sha256 = :sha256")
    int discard(@Param("key") String key, @Param("sha256") String sha256);

    @Query("SELECT COUNT(*) > 0 FROM import_artifacts WHERE sha256 = :sha256 AND expires_at > :now")
    boolean liveWithSha(@Param("sha256") String sha256, @Param("now") Instant now);

    List<Artifact> findByExpiresAtBefore(Instant now, Limit limit);

    /**
     * Deletes those of {@code keys} that are still expired at {@code now}: a row a worker took over
     * since it was read (its expiry cleared by {@link #reclaim}) stays.
     */
    @Transactional
    @Modifying
    @Query("DELETE FROM import_artifacts WHERE artifact_key IN (:keys) AND expires_at < :now")
    int deleteExpired(@Param("keys") Collection<String> keys, @Param("now") Instant now);
}
