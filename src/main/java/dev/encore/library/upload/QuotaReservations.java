package dev.encore.library.upload;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import dev.encore.account.UserDeleted;
import dev.encore.platform.spi.StorageUsage;

/**
 * The per-owner lock under which every upload, multipart or resumable, is checked against the quotas
 * and reserved, and the reservations of single-request uploads while they are inspected. The lock is
 * a row per owner in {@code upload_owner_locks}, locked ({@code SELECT … FOR UPDATE}) in the
 * transaction that checks and writes: one step for every thread and every node sharing the database,
 * as ingest's owner admission does for imports.
 */
@Component
class QuotaReservations implements StorageUsage {

    /** Longer than any upload takes to be inspected; only a node that dies mid-upload leaves one to expire. */
    static final Duration HELD_FOR = Duration.ofHours(1);

    private final UploadReservations reservations;
    private final TransactionTemplate transactions;
    private final TransactionTemplate newTransaction;
    private final Clock clock;

    QuotaReservations(UploadReservations reservations, PlatformTransactionManager transactions, Clock clock) {
        this.reservations = reservations;
        this.transactions = new TransactionTemplate(transactions);
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /**
     * Runs {@code checkAndWrite} in a transaction holding {@code ownerId}'s lock, so what it writes is
     * committed before the owner's next check starts. Call it outside any transaction: the lock row
     * may have to be created first, in a transaction of its own (inside, a duplicate key would poison
     * the caller's, and a second connection per request could exhaust the pool).
     */
    <T> T underLock(UUID ownerId, Supplier<T> checkAndWrite) {
        ensureLockRow(ownerId);
        return transactions.execute(status -> {
            reservations.lockOwner(ownerId).orElseThrow(() -> new IllegalStateException("no lock row for " + ownerId));
            return checkAndWrite.get();
        });
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

    private void ensureLockRow(UUID ownerId) {
        if (reservations.ownerLockExists(ownerId)) {
            return;
        }
        try {
            newTransaction.executeWithoutResult(status -> reservations.createOwnerLock(ownerId));
        }
        catch (DataIntegrityViolationException created) {
            // another request created it first
        }
    }
}
