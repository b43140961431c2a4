package dev.encore.ingest.imports;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports. State changes are conditional updates that say how many rows they changed: a worker
 * whose progress update changes nothing knows it was cancelled.
 */
public interface Imports extends ListCrudRepository<Import, UUID> {

    Optional<Import> findByIdAndOwnerId(UUID id, UUID ownerId);

    Page<Import> findByOwnerId(UUID ownerId, Pageable pageable);

    Page<Import> findByOwnerIdAndStatus(UUID ownerId, ImportStatus status, Pageable pageable);

    long countByOwnerIdAndStatusIn(UUID ownerId, Collection<ImportStatus> statuses);

    long countByStatus(ImportStatus status);

    @Transactional
    @Modifying
    @Query("DELETE FROM imports WHERE owner_id = :ownerId")
    int deleteByOwnerId(@Param("ownerId") UUID ownerId);

    /** Deletes one import of this owner (its items and files go too: ON DELETE CASCADE); 0 when it was gone. */
    @Modifying
    @Query("DELETE FROM imports WHERE id = :id AND owner_id = :ownerId")
    int deleteOwned(@Param("id") UUID id, @Param("ownerId") UUID ownerId);

    @Transactional
    @Modifying
    @Query("UPDATE imports SET status = 'RUNNING', attempts = attempts + 1, phase = 'RESOLVING', updated_at = :now "
            + "WHERE id = :id AND status IN ('QUEUED', 'RUNNING')")
    int markRunning(@Param("id") UUID id, @Param("now") Instant now);

    @Transactional
    @Modifying
    @Query("UPDATE imports SET progress = :progress, phase = :phase, updated_at = :now WHERE id = :id "
            + "AND status = 'RUNNING'")
    int progress(@Param("id") UUID id, @Param("progress") int progress, @Param("phase") ImportPhase phase,
            @Param("now") Instant now);

    @Transactional
    @Modifying
    @Query("UPDATE imports SET status = :status, error_code = :errorCode, error_message = :errorMessage, "
            + "progress = 100, phase = NULL, updated_at = :now, finished_at = :now WHERE id = :id AND status = 'RUNNING'")
    int finish(@Param("id") UUID id, @Param("status") ImportStatus status, @Param("errorCode") String errorCode,
            @Param("errorMessage") String errorMessage, @Param("now") Instant now);

    /** A playlist's title, as the playlist gives it. */
    @Transactional
    @Modifying
    @Query("UPDATE imports SET title = :title WHERE id = :id")
    int title(@Param("id") UUID id, @Param("title") String title);

    @Transactional
    @Modifying
    @Query("UPDATE imports SET status = 'CANCELLED', phase = NULL, updated_at = :now, finished_at = :now "
            + "WHERE id = :id AND status IN ('QUEUED', 'RUNNING')")
    int cancel(@Param("id") UUID id, @Param("now") Instant now);

    @Transactional
    @Modifying
    @Query("UPDATE imports SET transient_failures = transient_failures + 1, updated_at = :now WHERE id = :id")
    int countTransientFailure(@Param("id") UUID id, @Param("now") Instant now);
}
