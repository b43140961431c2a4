package dev.encore.ingest.admission;

import java.util.UUID;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Serializes one user's admission checks (running cap, quota) across threads and nodes with a
 * row lock held until the surrounding transaction ends. The row is created beforehand, outside
 * that transaction ({@link #ensureRow}): creating it inside would need a second connection per
 * request (or poison the transaction on a duplicate key), and concurrent requests would exhaust
 * the pool.
 */
@Component
public class OwnerAdmission {

    private final OwnerLocks locks;
    private final TransactionTemplate newTransaction;

    OwnerAdmission(OwnerLocks locks, PlatformTransactionManager transactions) {
        this.locks = locks;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Creates {@code ownerId}'s lock row if it is missing; call it outside any transaction. */
    public void ensureRow(UUID ownerId) {
        if (locks.existsById(ownerId)) {
            return;
        }
        try {
            newTransaction.executeWithoutResult(status -> locks.save(new OwnerLock(ownerId)));
        }
        catch (DataIntegrityViolationException created) {
            // another request created it first
        }
    }

    /** Locks {@code ownerId}'s row (see {@link #ensureRow}) until the current transaction ends. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lock(UUID ownerId) {
        locks.findByOwnerId(ownerId).orElseThrow(() -> new IllegalStateException("no lock row for " + ownerId));
    }
}
