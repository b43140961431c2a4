package dev.encore.library.upload;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface TusUploads extends ListCrudRepository<TusUpload, UUID> {

    @Query("SELECT * FROM tus_uploads WHERE id = :id AND owner_id = :ownerId AND expires_at > :now")
    Optional<TusUpload> findLive(UUID id, UUID ownerId, Instant now);

    /** Declared lengths of unfinished, live resumable uploads: reserved in the storage quota. */
    @Query("SELECT COALESCE(SUM(upload_length), 0) FROM tus_uploads WHERE owner_id = :ownerId AND upload_id IS NULL"
            + " AND expires_at > :now")
    long reservedBytes(UUID ownerId, Instant now);

    /** Like {@link #reservedBytes}, for those created since {@code since}: reserved in the daily quota. */
    @Query("SELECT COALESCE(SUM(upload_length), 0) FROM tus_uploads WHERE owner_id = :ownerId AND upload_id IS NULL"
            + " AND expires_at > :now AND created_at > :since")
    long reservedSince(UUID ownerId, Instant since, Instant now);

    List<TusUpload> findByExpiresAtBefore(Instant now, Limit limit);

    List<TusUpload> findByOwnerId(UUID ownerId);
}
