package dev.encore.library.upload;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface UploadReservations extends ListCrudRepository<UploadReservation, UUID> {

    @Query("SELECT COALESCE(SUM(size_bytes), 0) FROM upload_reservations WHERE owner_id = :ownerId"
            + " AND expires_at > :now")
    long reservedBytes(UUID ownerId, Instant now);

    /** Like {@link #reservedBytes}, for those made since {@code since}: reserved in the daily quota. */
    @Query("SELECT COALESCE(SUM(size_bytes), 0) FROM upload_reservations WHERE owner_id = :ownerId"
            + " AND expires_at > :now AND created_at > :since")
    long reservedSince(UUID ownerId, Instant since, Instant now);

    @Modifying
    @Query("DELETE FROM upload_reservations WHERE expires_at <= :now")
    int deleteExpired(Instant now);

    @Modifying
    @Query("DELETE FROM upload_reservations WHERE owner_id = :ownerId")
    int deleteByOwner(UUID ownerId);
}
