package dev.encore.platform;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a database that is away (unreachable, restarting, dropping connections) from a query that
 * went wrong. The failure arrives in many wrappings: Spring's translation, the driver's, or a
 * rollback that failed on the dead connection after the query did, so the whole cause chain is
 * read. The problem handler answers such a failure 503 {@code unavailable}; a module with a fallback
 * asks first whether its fallback needs the same database (search's does).
 */
public final class DatabaseFailures {

    /** SQLSTATE classes of a lost or refused connection (08) and of an operator shutdown (57P). */
    private static final String[] CONNECTION_STATES = { "08", "57P" };

    private DatabaseFailures() {
    }

    public static boolean unreachable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException || cause instanceof CannotCreateTransactionException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException || cause instanceof SQLRecoverableException
                    // a commit or rollback the driver refused: only a connection that is gone does that
                    || cause instanceof TransactionSystemException && cause.getCause() instanceof SQLException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                for (String state : CONNECTION_STATES) {
                    if (sql.getSQLState().startsWith(state)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
