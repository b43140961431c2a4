package dev.encore.library.upload;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.encore.account.UserDeleted;
import dev.encore.platform.QuotaLock;
import dev.encore.platform.spi.StorageUsage;

/**
 * The per-owner lock under which every upload, multipart or resumable, is checked against the quotas
 * and reserved ({@link QuotaLock}, which imports take too), and the reservations of single-request
 * uploads while they are inspected.
 */
@Component
class QuotaReservations implements StorageUsage {

    /** Longer than any upload takes to be inspected; only a node that dies mid-upload leaves one to expire. */
    static final Duration HELD_FOR = Duration.ofHours(1);

    private final UploadReservations reservations;
    private final QuotaLock quotaLock;
    private final Clock clock;

    QuotaReservations(UploadReservations reservations, QuotaLock quotaLock, Clock clock) {
        this.reservations = reservations;
        this.quotaLock = quotaLock;
        this.clock = clock;
    }

    /**
     * Runs {@code checkAndWrite} in a transaction holding {@code ownerId}'s quota lock, so what it
     * writes is committed before the owner's next check (an upload's or an import's) starts. Call it
     * outside any transaction.
     */
    <T> T underLock(UUID ownerId, Supplier<T> checkAndWrite) {
        return quotaLock.underLock(ownerId, checkAndWrite);
    }

    /** Holds {@code bytes} in {@code ownerId}'s quotas; call it {@link #underLock under the lock}, after the check. */
    UploadReservation reserve(UUID ownerId, long bytes) {
        Instant now = clock.instant();
        return reservations.save(new UploadReservation(ownerId, bytes, now, now.plus(HELD_FOR)));
    }

    /** The upload was stored (it counts as itself now) or refused; idempotent. */
    void release(UploadReservation reservation) {
        reservations.deleteById(reservation.id());
    }

    @Override
    public long bytesUsedBy(UUID ownerId) {
        return reservations.reservedBytes(ownerId, clock.instant());
    }

    /** Bytes reserved since {@code since}, for the daily upload quota. */
    long reservedSince(UUID ownerId, Instant since) {
        return reservations.reservedSince(ownerId, since, clock.instant());
    }

    /** Deletes the reservations that expired (they no longer count); returns how many. */
    int deleteExpired() {
        return reservations.deleteExpired(clock.instant());
    }

    @ApplicationModuleListener
    void on(UserDeleted deleted) {
        reservations.deleteByOwner(deleted.userId());
    }
}
