package dev.encore.ingest.imports;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

/** Import items, changed by conditional updates like {@link Imports}. */
public interface ImportItems extends ListCrudRepository<ImportItem, UUID> {

    List<ImportItem> findByImportIdOrderByPosition(UUID importId);

    long countByImportId(UUID importId);

    @Transactional
    @Modifying
    @Query("UPDATE import_items SET status = 'RUNNING' WHERE id = :id AND status IN ('QUEUED', 'RUNNING')")
    int start(@Param("id") UUID id);

    @Transactional
    @Modifying
    @Query("UPDATE import_items SET progress = :progress WHERE id = :id AND status = 'RUNNING'")
    int progress(@Param("id") UUID id, @Param("progress") int progress);

    @Transactional
    @Modifying
    @Query("UPDATE import_items SET title = :title WHERE id = :id")
    int title(@Param("id") UUID id, @Param("title") String title);

    @Modifying
    @Query("UPDATE import_items SET status = 'SUCCEEDED', progress = 100, file_id = :fileId, error_code = NULL, "
            + "error_message = NULL WHERE id = :id AND status = 'RUNNING'")
    int succeed(@Param("id") UUID id, @Param("fileId") UUID fileId);

    @Transactional
    @Modifying
    @Query("UPDATE import_items SET status = 'FAILED', error_code = :errorCode, error_message = :errorMessage "
            + "WHERE id = :id AND status IN ('QUEUED', 'RUNNING')")
    int fail(@Param("id") UUID id, @Param("errorCode") String errorCode, @Param("errorMessage") String errorMessage);

    @Transactional
    @Modifying
    @Query("UPDATE import_items SET status = 'CANCELLED' WHERE import_id = :importId AND status IN ('QUEUED', 'RUNNING')")
    int cancelAll(@Param("importId") UUID importId);
}
