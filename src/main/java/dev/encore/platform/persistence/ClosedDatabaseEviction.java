package dev.encore.platform.persistence;

import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.zaxxer.hikari.SQLExceptionOverride;

/**
 * Tells the connection pool to retire a connection whose database has closed itself or gone away,
 * and tells the operator once a minute rather than once per connection.
 *
 * <p>H2 closes an embedded database when one of its writes fails (a full disk: "The database has
 * been closed", error 90098); its connections then fail every statement, but with an SQL state
 * Hikari does not take for a broken connection, so it kept handing them out and every request
 * answered 503 until a restart, although the disk had room again. Retired, they are replaced by new
 * connections, which open the database again (its file is intact: H2 writes it copy-on-write), and
 * the node recovers by itself. PostgreSQL's broken connections carry 08-class states (and 57P0x when
 * the server shuts down), which Hikari retires anyway.
 *
 * <p>Hikari logs every retired connection with a stack trace (about 250 lines per request while the
 * disk was full), so its {@code ProxyConnection} logger is set to ERROR and this class writes the one
 * line an operator needs instead.
 */
public class ClosedDatabaseEviction implements SQLExceptionOverride {

    private static final Logger log = LoggerFactory.getLogger(ClosedDatabaseEviction.class);

    /** H2's DATABASE_IS_CLOSED and DATABASE_CALLED_AT_SHUTDOWN. */
    private static final Set<Integer> CLOSED = Set.of(90098, 90121);
    /** PostgreSQL: the server shuts down or was told to end the session. */
    private static final Set<String> SERVER_GONE = Set.of("57P01", "57P02", "57P03");
    private static final long LOG_EVERY_MS = 60_000;
    /** When the last line was written (System.nanoTime in ms, whose origin is arbitrary); MIN_VALUE: never. */
    private static final AtomicLong lastLogged = new AtomicLong(Long.MIN_VALUE);

    @java.lang.Override // SQLExceptionOverride.Override, its answer, hides the annotation's name
    public Override adjudicate(SQLException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && broken(sql)) {
                report(sql);
                return Override.MUST_EVICT;
            }
        }
        return Override.CONTINUE_EVICT;
    }

    private static boolean broken(SQLException sql) {
        String state = sql.getSQLState();
        return CLOSED.contains(sql.getErrorCode())
                || state != null && (state.startsWith("08") || SERVER_GONE.contains(state));
    }

    private static void report(SQLException sql) {
        long now = System.nanoTime() / 1_000_000;
        long last = lastLogged.get();
        if ((last == Long.MIN_VALUE || now - last >= LOG_EVERY_MS) && lastLogged.compareAndSet(last, now)) {
            log.warn("Database connections are failing and being replaced (SQLSTATE {}, error {}: {}); on the "
                    + "embedded database a full disk is the usual cause (docs/storage.md, \"A full disk\")",
                    sql.getSQLState(), sql.getErrorCode(), firstLine(sql.getMessage()));
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
