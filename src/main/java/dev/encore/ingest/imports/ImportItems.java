package dev.encore.ingest.imports;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

/** Import items, changed by conditional updates like {@link Imports}. */
public interface ImportItems extends JpaRepository<ImportItem, UUID> {

    List<ImportItem> findByImportIdOrderByPosition(UUID importId);

    long countByImportId(UUID importId);

    @Transactional
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update ImportItem i set i.status = dev.encore.ingest.imports.ImportStatus.RUNNING where i.id = :id "
            + "and i.status in (dev.encore.ingest.imports.ImportStatus.QUEUED, dev.encore.ingest.imports.ImportStatus.RUNNING)")
    int start(@Param("id") UUID id);

    @Transactional
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update ImportItem i set i.progress = :progress where i.id = :id "
            + "and i.status = dev.encore.ingest.imports.ImportStatus.RUNNING")
    int progress(@Param("id") UUID id, @Param("progress") int progress);

    @Transactional
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update ImportItem i set i.title = :title where i.id = :id")
    int title(@Param("id") UUID id, @Param("title") String title);

    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update ImportItem i set i.status = dev.encore.ingest.imports.ImportStatus.SUCCEEDED, i.progress = 100, "
            + "i.fileId = :fileId, i.errorCode = null, i.errorMessage = null where i.id = :id "
            + "and i.status = dev.encore.ingest.imports.ImportStatus.RUNNING")
    int succeed(@Param("id") UUID id, @Param("fileId") UUID fileId);

    @Transactional
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update ImportItem i set i.status = dev.encore.ingest.imports.ImportStatus.FAILED, i.errorCode = :errorCode, "
            + "i.errorMessage = :errorMessage where i.id = :id and i.status in (dev.encore.ingest.imports.ImportStatus.QUEUED, "
            + "dev.encore.ingest.imports.ImportStatus.RUNNING)")
    int fail(@Param("id") UUID id, @Param("errorCode") String errorCode, @Param("errorMessage") String errorMessage);

    @Transactional
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update ImportItem i set i.status = dev.encore.ingest.imports.ImportStatus.CANCELLED where i.importId = :importId "
            + "and i.status in (dev.encore.ingest.imports.ImportStatus.QUEUED, dev.encore.ingest.imports.ImportStatus.RUNNING)")
    int cancelAll(@Param("importId") UUID importId);
}
