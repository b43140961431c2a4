package dev.encore.library.upload;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface Uploads extends JpaRepository<Upload, UUID> {

    @Query("select u from Upload u where u.id = :id and u.ownerId = :ownerId and u.expiresAt > :now")
    Optional<Upload> findLive(@Param("id") UUID id, @Param("ownerId") UUID ownerId, @Param("now") Instant now);

    /**
     * The upload became library content: it stops counting as an upload (its row stays for the daily
     * quota). A conditional update, so of two requests saving the same upload at once only one
     * succeeds (the other changes no row).
     */
    @Modifying(flushAutomatically = true)
    @Query("update Upload u set u.expiresAt = :now where u.id = :id and u.expiresAt > :now")
    int markUsed(@Param("id") UUID id, @Param("now") Instant now);

    @Query("select coalesce(sum(u.size), 0) from Upload u where u.ownerId = :ownerId and u.expiresAt > :now")
    long liveBytes(@Param("ownerId") UUID ownerId, @Param("now") Instant now);

    /** Bytes uploaded since {@code since}, for the daily upload quota (expired or used ones count too). */
    @Query("select coalesce(sum(u.size), 0) from Upload u where u.ownerId = :ownerId and u.createdAt > :since")
    long uploadedSince(@Param("ownerId") UUID ownerId, @Param("since") Instant since);

    /** Whether a live upload's file or cover is that blob. */
    @Query("select count(u) > 0 from Upload u where (u.sha256 = :sha256 or u.coverSha256 = :sha256) "
            + "and u.expiresAt > :now")
    boolean existsLiveReferencing(@Param("sha256") String sha256, @Param("now") Instant now);

    List<Upload> findByExpiresAtBefore(Instant now, Limit limit);

    List<Upload> findByOwnerId(UUID ownerId);
}
