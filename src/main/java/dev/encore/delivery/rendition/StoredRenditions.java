package dev.encore.delivery.rendition;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

/** Renditions; every transition is a compare-and-set on the claim token. */
interface StoredRenditions extends JpaRepository<StoredRendition, String> {

    /** Takes over a row (failed long enough ago, or a stale claim) that still has {@code expected} as token. */
    @Transactional
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update StoredRendition r set r.status = dev.encore.delivery.rendition.StoredRendition.State.MAKING, "
            + "r.claimToken = :token, r.claimedAt = :now, r.sha256 = null, r.size = null, r.createdAt = null, "
            + "r.lastUsedAt = null where r.key = :key and r.claimToken = :expected")
    int reclaim(@Param("key") String key, @Param("expected") UUID expected, @Param("token") UUID token,
            @Param("now") Instant now);

    /** Keeps a claim fresh while its holder transcodes, so others do not take it over. */
    @Transactional
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update StoredRendition r set r.claimedAt = :now where r.key = :key and r.claimToken = :token "
            + "and r.status = dev.encore.delivery.rendition.StoredRendition.State.MAKING")
    int heartbeat(@Param("key") String key, @Param("token") UUID token, @Param("now") Instant now);

    @Transactional
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update StoredRendition r set r.status = dev.encore.delivery.rendition.StoredRendition.State.READY, "
            + "r.sha256 = :sha256, r.size = :size, r.createdAt = :now, r.lastUsedAt = :now, r.claimedAt = :now "
            + "where r.key = :key and r.claimToken = :token")
    int ready(@Param("key") String key, @Param("token") UUID token, @Param("sha256") String sha256,
            @Param("size") long size, @Param("now") Instant now);

    @Transactional
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update StoredRendition r set r.status = dev.encore.delivery.rendition.StoredRendition.State.FAILED, "
            + "r.claimedAt = :now where r.key = :key and r.claimToken = :token")
    int failed(@Param("key") String key, @Param("token") UUID token, @Param("now") Instant now);

    /** Deletes the row as made by {@code token} (a claim given up, a rendition whose blob was lost). */
    @Transactional
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("delete from StoredRendition r where r.key = :key and r.claimToken = :token")
    int release(@Param("key") String key, @Param("token") UUID token);

    /** Marks a rendition as used now, unless it was within the last moments (one write, not one per range). */
    @Transactional
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update StoredRendition r set r.lastUsedAt = :now where r.key = :key and r.lastUsedAt < :since")
    int touch(@Param("key") String key, @Param("now") Instant now, @Param("since") Instant since);

    @Query("select coalesce(sum(r.size), 0) from StoredRendition r "
            + "where r.status = dev.encore.delivery.rendition.StoredRendition.State.READY")
    long readyBytes();

    /** Ready renditions last used before {@code before}, least recently used first. */
    @Query("select r from StoredRendition r where r.status = dev.encore.delivery.rendition.StoredRendition.State.READY "
            + "and r.lastUsedAt < :before order by r.lastUsedAt")
    List<StoredRendition> leastRecentlyUsed(@Param("before") Instant before, Limit limit);

    /** Evicts a rendition, unless it was used since {@code before}. */
    @Transactional
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("delete from StoredRendition r where r.key = :key and r.claimToken = :token and r.lastUsedAt < :before")
    int evict(@Param("key") String key, @Param("token") UUID token, @Param("before") Instant before);

    boolean existsBySha256(String sha256);
}
