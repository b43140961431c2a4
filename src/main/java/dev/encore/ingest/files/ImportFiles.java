package dev.encore.ingest.files;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/** Files produced by imports. */
public interface ImportFiles extends ListCrudRepository<ImportFile, UUID> {

    /** A file that has not expired yet. */
    @Query("SELECT * FROM import_files WHERE id = :id AND (expires_at IS NULL OR expires_at > :now)")
    Optional<ImportFile> findLive(UUID id, Instant now);

    @Query("SELECT * FROM import_files WHERE import_id = :importId AND (expires_at IS NULL OR expires_at > :now)"
            + " ORDER BY created_at")
    List<ImportFile> findLiveByImport(UUID importId, Instant now);

    List<ImportFile> findByImportId(UUID importId);

    /**
     * Deletes a live file of this owner; how many rows went (0 when it was gone, expired, someone
     * else's, or claimed by a concurrent request that committed first).
     */
    @Modifying
    @Query("DELETE FROM import_files WHERE id = :id AND owner_id = :ownerId"
            + " AND (expires_at IS NULL OR expires_at > :now)")
    int deleteLive(UUID id, UUID ownerId, Instant now);

    @Query("SELECT COALESCE(SUM(size_bytes), 0) FROM import_files WHERE owner_id = :ownerId"
            + " AND (expires_at IS NULL OR expires_at > :now)")
    long liveBytes(UUID ownerId, Instant now);

    List<ImportFile> findByExpiresAtBefore(Instant now, Limit limit);

    List<ImportFile> findByOwnerId(UUID ownerId);

    boolean existsBySha256(String sha256);

    /** A page of files in id order, for the sweep that checks each row's blob still exists. */
    List<ImportFile> findByIdGreaterThanOrderById(UUID after, Limit limit);

    default List<ImportFile> findAfter(UUID after, Limit limit) {
        return findByIdGreaterThanOrderById(after, limit);
    }
}
