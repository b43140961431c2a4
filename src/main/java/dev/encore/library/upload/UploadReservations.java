package dev.encore.library.upload;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface UploadReservations extends ListCrudRepository<UploadReservation, UUID> {

    @Query("SELECT COUNT(*) > 0 FROM upload_owner_locks WHERE owner_id = :ownerId")
    boolean ownerLockExists(UUID ownerId);

    /** Fails on the primary key when the row exists. */
    @Modifying
    @Query("INSERT INTO upload_owner_locks (owner_id) VALUES (:ownerId)")
    int createOwnerLock(UUID ownerId);

    /** The owner's lock row, locked until the transaction ends ({@code SELECT … FOR UPDATE}). */
    @Query("SELECT owner_id FROM upload_owner_locks WHERE owner_id = :ownerId FOR UPDATE")
    Optional<UUID> lockOwner(UUID ownerId);

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
