package dev.encore.ingest.imports;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports. State changes are conditional updates that say how many rows they changed: a worker
 * whose progress update changes nothing knows it was cancelled.
 */
public interface Imports extends JpaRepository<Import, UUID> {

    Optional<Import> findByIdAndOwnerId(UUID id, UUID ownerId);

    Page<Import> findByOwnerId(UUID ownerId, Pageable pageable);

    Page<Import> findByOwnerIdAndStatus(UUID ownerId, ImportStatus status, Pageable pageable);

    long countByOwnerIdAndStatusIn(UUID ownerId, Collection<ImportStatus> statuses);

    long countByStatus(ImportStatus status);

    @Transactional
    @Modifying
    @Query("delete from Import i where i.ownerId = :ownerId")
    int deleteByOwnerId(@Param("ownerId") UUID ownerId);

    /** Deletes one import of this owner (its items and files go too: ON DELETE CASCADE); 0 when it was gone. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("delete from Import i where i.id = :id and i.ownerId = :ownerId")
    int deleteOwned(@Param("id") UUID id, @Param("ownerId") UUID ownerId);

    @Transactional
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update Import i set i.status = dev.encore.ingest.imports.ImportStatus.RUNNING, i.attempts = i.attempts + 1, "
            + "i.phase = dev.encore.ingest.imports.ImportPhase.RESOLVING, i.updatedAt = :now where i.id = :id "
            + "and i.status in (dev.encore.ingest.imports.ImportStatus.QUEUED, dev.encore.ingest.imports.ImportStatus.RUNNING)")
    int markRunning(@Param("id") UUID id, @Param("now") Instant now);

    @Transactional
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update Import i set i.progress = :progress, i.phase = :phase, i.updatedAt = :now where i.id = :id "
            + "and i.status = dev.encore.ingest.imports.ImportStatus.RUNNING")
    int progress(@Param("id") UUID id, @Param("progress") int progress, @Param("phase") ImportPhase phase,
            @Param("now") Instant now);

    @Transactional
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update Import i set i.status = :status, i.errorCode = :errorCode, i.errorMessage = :errorMessage, "
            + "i.progress = 100, i.phase = null, i.updatedAt = :now, i.finishedAt = :now where i.id = :id "
            + "and i.status = dev.encore.ingest.imports.ImportStatus.RUNNING")
    int finish(@Param("id") UUID id, @Param("status") ImportStatus status, @Param("errorCode") String errorCode,
            @Param("errorMessage") String errorMessage, @Param("now") Instant now);

    /** A playlist's title, as the playlist gives it. */
    @Transactional
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update Import i set i.title = :title where i.id = :id")
    int title(@Param("id") UUID id, @Param("title") String title);

    @Transactional
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update Import i set i.status = dev.encore.ingest.imports.ImportStatus.CANCELLED, i.phase = null, "
            + "i.updatedAt = :now, i.finishedAt = :now where i.id = :id "
            + "and i.status in (dev.encore.ingest.imports.ImportStatus.QUEUED, dev.encore.ingest.imports.ImportStatus.RUNNING)")
    int cancel(@Param("id") UUID id, @Param("now") Instant now);

    @Transactional
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update Import i set i.transientFailures = i.transientFailures + 1, i.updatedAt = :now where i.id = :id")
    int countTransientFailure(@Param("id") UUID id, @Param("now") Instant now);
}
