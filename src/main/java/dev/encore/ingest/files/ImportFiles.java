package dev.encore.ingest.files;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Files produced by imports. */
public interface ImportFiles extends JpaRepository<ImportFile, UUID> {

    /** A file that has not expired yet. */
    @Query("select f from ImportFile f where f.id = :id and (f.expiresAt is null or f.expiresAt > :now)")
    Optional<ImportFile> findLive(@Param("id") UUID id, @Param("now") Instant now);

    @Query("select f from ImportFile f where f.importId = :importId and (f.expiresAt is null or f.expiresAt > :now) "
            + "order by f.createdAt")
    List<ImportFile> findLiveByImport(@Param("importId") UUID importId, @Param("now") Instant now);

    List<ImportFile> findByImportId(UUID importId);

    /**
     * Deletes a live file of this owner; how many rows went (0 when it was gone, expired, someone
     * else's, or claimed by a concurrent request that committed first).
     */
    @Modifying(flushAutomatically = true)
    @Query("delete from ImportFile f where f.id = :id and f.ownerId = :ownerId "
            + "and (f.expiresAt is null or f.expiresAt > :now)")
    int deleteLive(@Param("id") UUID id, @Param("ownerId") UUID ownerId, @Param("now") Instant now);

    @Query("select coalesce(sum(f.size), 0) from ImportFile f where f.ownerId = :ownerId "
            + "and (f.expiresAt is null or f.expiresAt > :now)")
    long liveBytes(@Param("ownerId") UUID ownerId, @Param("now") Instant now);

    List<ImportFile> findByExpiresAtBefore(Instant now, Limit limit);

    List<ImportFile> findByOwnerId(UUID ownerId);

    boolean existsBySha256(String sha256);

    /** A page of files in id order, for the sweep that checks each row's blob still exists. */
    @Query("select f from ImportFile f where f.id > :after order by f.id")
    List<ImportFile> findAfter(@Param("after") UUID after, Limit limit);
}
