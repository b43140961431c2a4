package dev.encore.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

class DatabaseFailuresTests {

    @Test
    void aLostConnectionIsFoundUnderAFailedRollback() {
        // what a restart mid-request left: the rollback on the dead connection failed after the query
        RuntimeException rollback = new TransactionSystemException("Could not roll back JDBC transaction",
                new SQLException("An I/O error occurred while sending to the backend.", "08006"));
        assertThat(DatabaseFailures.unreachable(rollback)).isTrue();
        // the same when the pool had closed the connection already (no SQLSTATE then)
        assertThat(DatabaseFailures.unreachable(new TransactionSystemException("Could not roll back JDBC transaction",
                new SQLException("Connection is closed")))).isTrue();
        // but a transaction that failed for another reason is not an outage
        assertThat(DatabaseFailures.unreachable(new TransactionSystemException("Could not commit JDBC transaction",
                new IllegalStateException("a listener failed")))).isFalse();
    }

    @Test
    void noConnectionFromThePoolAndAnOperatorShutdownCount() {
        assertThat(DatabaseFailures.unreachable(new CannotCreateTransactionException("no connection",
                new SQLTransientConnectionException("encore-db - Connection is not available")))).isTrue();
        assertThat(DatabaseFailures.unreachable(new IllegalStateException(
                new SQLException("terminating connection due to administrator command", "57P01")))).isTrue();
    }

    @Test
    void aQueryThatFailedOnItsOwnIsNotAnOutage() {
        assertThat(DatabaseFailures.unreachable(new DataIntegrityViolationException("duplicate key",
                new SQLException("duplicate key value violates unique constraint", "23505")))).isFalse();
        assertThat(DatabaseFailures.unreachable(new SQLException("syntax error", "42601"))).isFalse();
        assertThat(DatabaseFailures.unreachable(new IllegalStateException("no database involved"))).isFalse();
    }
}
