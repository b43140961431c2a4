package dev.encore.library.upload;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface Uploads extends ListCrudRepository<Upload, UUID> {

    @Query("SELECT * FROM uploads WHERE id = :id AND owner_id = :ownerId AND expires_at > :now")
    Optional<Upload> findLive(UUID id, UUID ownerId, Instant now);

    /**
     * The upload became library content: it stops counting as an upload (its row stays for the daily
     * quota). A conditional update, so of two requests saving the same upload at once only one
     * succeeds (the other changes no row).
     */
    @Modifying
    @Query("UPDATE uploads SET expires_at = :now WHERE id = :id AND expires_at > :now")
    int markUsed(UUID id, Instant now);

    /** The owner's live uploads: neither saved to the library, discarded nor expired. */
    Page<Upload> findByOwnerIdAndExpiresAtAfter(UUID ownerId, Instant now, Pageable pageable);

    /**
     * The owner discards a live upload: like {@link #markUsed}, it stops counting at once (its row stays
     * for the daily quota, its blob goes with the expired uploads). 0 when it is not a live upload of theirs.
     */
    @Modifying
    @Query("UPDATE uploads SET expires_at = :now WHERE id = :id AND owner_id = :ownerId AND expires_at > :now")
    int discard(UUID id, UUID ownerId, Instant now);

    @Query("SELECT COALESCE(SUM(size_bytes), 0) FROM uploads WHERE owner_id = :ownerId AND expires_at > :now")
    long liveBytes(UUID ownerId, Instant now);

    /** Bytes uploaded since {@code since}, for the daily upload quota (expired or used ones count too). */
    @Query("SELECT COALESCE(SUM(size_bytes), 0) FROM uploads WHERE owner_id = :ownerId AND created_at > :since")
    long uploadedSince(UUID ownerId, Instant since);

    /** Whether a live upload's file or cover is that blob. */
    @Query("SELECT COUNT(*) > 0 FROM uploads WHERE (sha256 = :sha256 OR cover_sha256 = :sha256)"
            + " AND expires_at > :now")
    boolean existsLiveReferencing(String sha256, Instant now);

    List<Upload> findByExpiresAtBefore(Instant now, Limit limit);

    List<Upload> findByOwnerId(UUID ownerId);
}
