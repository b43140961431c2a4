package dev.encore.platform;

import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One user's lock for everything checked against their quotas: imports admitted and filed, uploads
 * admitted (multipart and tus). It is a row per user in {@code quota_owner_locks}, locked with
 * {@code SELECT … FOR UPDATE} in the transaction that checks and writes, so it holds for every thread
 * and every node sharing the database, and what one step writes is committed before the next one
 * counts. One lock for both modules: an import filed while an upload is admitted would otherwise
 * both see the same free bytes.
 *
 * <p>The row is created beforehand, outside that transaction ({@link #ensureRow}): created inside, a
 * duplicate key would poison the caller's transaction, and a second connection per request could
 * exhaust the pool.
 */
@Component
public class QuotaLock {

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final TransactionTemplate newTransaction;

    QuotaLock(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Creates {@code ownerId}'s lock row if it is missing; call it outside any transaction. */
    public void ensureRow(UUID ownerId) {
        if (jdbc.sql("SELECT COUNT(*) FROM quota_owner_locks WHERE owner_id = ?").param(ownerId).query(Long.class)
                .single() > 0) {
            return;
        }
        try {
            newTransaction.executeWithoutResult(status -> jdbc.sql("INSERT INTO quota_owner_locks (owner_id) VALUES (?)")
                    .param(ownerId).update());
        }
        catch (DataIntegrityViolationException created) {
            // another request created it first
        }
    }

    /** Locks {@code ownerId}'s row (see {@link #ensureRow}) until the current transaction ends. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lock(UUID ownerId) {
        jdbc.sql("SELECT owner_id FROM quota_owner_locks WHERE owner_id = ? FOR UPDATE").param(ownerId)
                .query(UUID.class).optional()
                .orElseThrow(() -> new IllegalStateException("no quota lock row for " + ownerId));
    }

    /**
     * Runs {@code checkAndWrite} in a new transaction holding {@code ownerId}'s lock; call it outside
     * any transaction.
     */
    public <T> T underLock(UUID ownerId, Supplier<T> checkAndWrite) {
        ensureRow(ownerId);
        return transaction.execute(status -> {
            lock(ownerId);
            return checkAndWrite.get();
        });
    }
}
