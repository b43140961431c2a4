package dev.encore.platform.persistence;

import java.sql.SQLException;
import java.util.Set;

import com.zaxxer.hikari.SQLExceptionOverride;

/**
 * Tells the connection pool to retire a connection whose database has closed itself. H2 closes an
 * embedded database when one of its writes fails (a full disk: "The database has been closed",
 * error 90098); its connections then fail every statement, but with an SQL state Hikari does not take
 * for a broken connection, so it kept handing them out and every request answered 503 until a
 * restart, although the disk had room again. Retired, they are replaced by new connections, which
 * open the database again (its file is intact: H2 writes it copy-on-write), and the node recovers
 * by itself. PostgreSQL's broken connections carry 08-class states, which Hikari retires anyway.
 */
public class ClosedDatabaseEviction implements SQLExceptionOverride {

    /** H2's DATABASE_IS_CLOSED and DATABASE_CALLED_AT_SHUTDOWN. */
    private static final Set<Integer> CLOSED = Set.of(90098, 90121);

    @java.lang.Override // SQLExceptionOverride.Override, its answer, hides the annotation's name
    public Override adjudicate(SQLException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && CLOSED.contains(sql.getErrorCode())) {
                return Override.MUST_EVICT;
            }
        }
        return Override.CONTINUE_EVICT;
    }
}
