package dev.encore.ingest.artifact;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

/** Shared artifacts; every transition is a compare-and-set on the claim token. */
public interface Artifacts extends JpaRepository<Artifact, String> {

    /** Takes over a row (expired, failed, stale or missing its blob) that still has {@code expected} as token. */
    @Transactional
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update Artifact a set a.status = dev.encore.ingest.artifact.Artifact.State.FETCHING, a.claimToken = :token, "
            + "a.claimedAt = :now, a.sha256 = null, a.size = null, a.durationMs = null, a.title = null, a.errorCode = null, "
            + "a.errorMessage = null, "
            + "a.expiresAt = null where a.key = :key and a.claimToken = :expected")
    int reclaim(@Param("key") String key, @Param("expected") UUID expected, @Param("token") UUID token,
            @Param("now") Instant now);

    /** Keeps a claim fresh while its holder works, so others do not take it over. */
    @Transactional
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update Artifact a set a.claimedAt = :now where a.key = :key and a.claimToken = :token "
            + "and a.status = dev.encore.ingest.artifact.Artifact.State.FETCHING")
    int heartbeat(@Param("key") String key, @Param("token") UUID token, @Param("now") Instant now);

    @Transactional
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update Artifact a set a.status = dev.encore.ingest.artifact.Artifact.State.READY, a.sha256 = :sha256, "
            + "a.size = :size, a.durationMs = :durationMs, a.title = :title, a.expiresAt = :expiresAt, a.claimedAt = :now "
            + "where a.key = :key and a.claimToken = :token")
    int ready(@Param("key") String key, @Param("token") UUID token, @Param("sha256") String sha256,
            @Param("size") long size, @Param("durationMs") Long durationMs, @Param("title") String title,
            @Param("expiresAt") Instant expiresAt,
            @Param("now") Instant now);

    @Transactional
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update Artifact a set a.status = dev.encore.ingest.artifact.Artifact.State.FAILED, a.errorCode = :errorCode, "
            + "a.errorMessage = :errorMessage, a.claimedAt = :now where a.key = :key and a.claimToken = :token")
    int failed(@Param("key") String key, @Param("token") UUID token, @Param("errorCode") String errorCode,
            @Param("errorMessage") String errorMessage, @Param("now") Instant now);

    @Transactional
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("delete from Artifact a where a.key = :key and a.claimToken = :token")
    int release(@Param("key") String key, @Param("token") UUID token);

    @Query("select count(a) > 0 from Artifact a where a.sha256 = :sha256 and a.expiresAt > :now")
    boolean liveWithSha(@Param("sha256") String sha256, @Param("now") Instant now);

    List<Artifact> findByExpiresAtBefore(Instant now, Limit limit);
}
