package dev.encore.delivery.rendition;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.transaction.annotation.Transactional;

/** Renditions; every transition is a compare-and-set on the claim token. */
interface StoredRenditions extends ListCrudRepository<StoredRendition, String> {

    /** Takes over a row (failed long enough ago, or a stale claim) that still has {@code expected} as token. */
    @Transactional
    @Modifying
    @Query("UPDATE renditions SET status = 'MAKING', claim_token = :token, claimed_at = :now, sha256 = NULL,"
            + " size_bytes = NULL, created_at = NULL, last_used_at = NULL"
            + " WHERE rendition_key = :key AND claim_token = :expected")
    int reclaim(String key, UUID expected, UUID token, Instant now);

    /** Keeps a claim fresh while its holder transcodes, so others do not take it over. */
    @Transactional
    @Modifying
    @Query("UPDATE renditions SET claimed_at = :now WHERE rendition_key = :key AND claim_token = :token"
            + " AND status = 'MAKING'")
    int heartbeat(String key, UUID token, Instant now);

    @Transactional
    @Modifying
    @Query("UPDATE renditions SET status = 'READY', sha256 = :sha256, size_bytes = :size, created_at = :now,"
            + " last_used_at = :now, claimed_at = :now WHERE rendition_key = :key AND claim_token = :token")
    int ready(String key, UUID token, String sha256, long size, Instant now);

    @Transactional
    @Modifying
    @Query("UPDATE renditions SET status = 'FAILED', claimed_at = :now WHERE rendition_key = :key"
            + " AND claim_token = :token")
    int failed(String key, UUID token, Instant now);

    /** Deletes the row as made by {@code token} (a claim given up, a rendition whose blob was lost). */
    @Transactional
    @Modifying
    @Query("DELETE FROM renditions WHERE rendition_key = :key AND claim_token = :token")
    int release(String key, UUID token);

    /** Marks a rendition as used now, unless it was within the last moments (one write, not one per range). */
    @Transactional
    @Modifying
    @Query("UPDATE renditions SET last_used_at = :now WHERE rendition_key = :key AND last_used_at < :since")
    int touch(String key, Instant now, Instant since);

    @Query("SELECT COALESCE(SUM(size_bytes), 0) FROM renditions WHERE status = 'READY'")
    long readyBytes();

    /** Ready renditions last used before {@code before}, least recently used first. */
    default List<StoredRendition> leastRecentlyUsed(Instant before, Limit limit) {
        return findByStatusAndLastUsedAtBeforeOrderByLastUsedAt(StoredRendition.State.READY, before, limit);
    }

    List<StoredRendition> findByStatusAndLastUsedAtBeforeOrderByLastUsedAt(StoredRendition.State status,
            Instant before, Limit limit);

    /** Evicts a rendition, unless it was used since {@code before}. */
    @Transactional
    @Modifying
    @Query("DELETE FROM renditions WHERE rendition_key = :key AND claim_token = :token AND last_used_at < :before")
    int evict(String key, UUID token, Instant before);

    boolean existsBySha256(String sha256);
}
