package dev.encore.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A transaction held open on a thread of its own: a job's last write caught before its commit, so a
 * test can race a request against it. {@link #open} runs the writes and returns with the
 * transaction still open (its rows locked); {@link #commitOnceBlocked} lets it commit as soon as
 * another session waits for one of its locks, which is the moment a race is decided.
 *
 * <p>Its own threads, not the common pool: on two cores that pool has one thread, and a request
 * started on it would only run after the held transaction.
 */
public final class HeldTransaction implements AutoCloseable {

    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final CountDownLatch commit = new CountDownLatch(1);
    private final JdbcClient jdbc;
    private final String lockWaits;
    private CompletableFuture<Void> held;

    private HeldTransaction(JdbcClient jdbc) {
        this.jdbc = jdbc;
        String product = jdbc.sql("SELECT 1").query((rs, row) -> rs.getStatement().getConnection().getMetaData()
                .getDatabaseProductName()).single();
        this.lockWaits = product.equals("PostgreSQL")
                ? "SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                : "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID IS NOT NULL";
    }

    /** Runs {@code writes} in a transaction and returns once they are done, the transaction still open. */
    public static HeldTransaction open(PlatformTransactionManager transactions, JdbcClient jdbc,
            Consumer<JdbcClient> writes) throws InterruptedException {
        HeldTransaction transaction = new HeldTransaction(jdbc);
        CountDownLatch written = new CountDownLatch(1);
        TransactionTemplate template = new TransactionTemplate(transactions);
        transaction.held = CompletableFuture.runAsync(() -> template.executeWithoutResult(status -> {
            writes.accept(jdbc);
            written.countDown();
            try {
                transaction.commit.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }), transaction.threads);
        assertThat(written.await(30, TimeUnit.SECONDS)).as("the held transaction's writes").isTrue();
        return transaction;
    }

    /**
     * What {@code request} answers when it meets another change of row {@code id} of {@code table} (as
     * a PATCH from another tab writes it: the version moved on, the row locked), which commits once the
     * request waits for its lock.
     */
    public static <T> T meetingAnEdit(PlatformTransactionManager transactions, JdbcClient jdbc, String table,
            UUID id, Callable<T> request) throws Exception {
        try (HeldTransaction edit = open(transactions, jdbc, sql -> sql.sql("UPDATE " + table
                + " SET version = version + 1 WHERE id = :id").param("id", id).update())) {
            CompletableFuture<T> answer = edit.meanwhile(request);
            edit.commitOnceBlocked();
            return answer.get(30, TimeUnit.SECONDS);
        }
    }

    /** Starts {@code request} on a thread of this transaction's. */
    public <T> CompletableFuture<T> meanwhile(Callable<T> request) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return request.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, threads);
    }

    /** Commits once another session waits for one of this transaction's locks, and waits for the commit. */
    public void commitOnceBlocked() throws Exception {
        await("a session waits for the held transaction's lock").atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(10))
                .until(() -> jdbc.sql(lockWaits).query(Long.class).single() > 0);
        commit.countDown();
        held.get(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        commit.countDown();
        threads.close();
    }
}
