package dev.encore.library.upload;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface TusUploads extends JpaRepository<TusUpload, UUID> {

    @Query("select t from TusUpload t where t.id = :id and t.ownerId = :ownerId and t.expiresAt > :now")
    Optional<TusUpload> findLive(@Param("id") UUID id, @Param("ownerId") UUID ownerId, @Param("now") Instant now);

    /** Declared lengths of unfinished, live resumable uploads: reserved in the storage quota. */
    @Query("select coalesce(sum(t.length), 0) from TusUpload t where t.ownerId = :ownerId and t.uploadId is null "
            + "and t.expiresAt > :now")
    long reservedBytes(@Param("ownerId") UUID ownerId, @Param("now") Instant now);

    /** Like {@link #reservedBytes}, for those created since {@code since}: reserved in the daily quota. */
    @Query("select coalesce(sum(t.length), 0) from TusUpload t where t.ownerId = :ownerId and t.uploadId is null "
            + "and t.expiresAt > :now and t.createdAt > :since")
    long reservedSince(@Param("ownerId") UUID ownerId, @Param("since") Instant since, @Param("now") Instant now);

    List<TusUpload> findByExpiresAtBefore(Instant now, Limit limit);

    List<TusUpload> findByOwnerId(UUID ownerId);
}
