package dev.encore.platform.config;

import java.sql.SQLException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * A second node started on a data directory whose embedded database another process holds open
 * (H2 locks its file): the usual cause is an Encore already running there, or one started twice by
 * a service manager. Says so in two lines instead of a page of nested bean-creation errors.
 */
class DatabaseInUseFailureAnalyzer extends AbstractFailureAnalyzer<SQLException> {

    /** H2's "database may be already in use" (ErrorCode.DATABASE_ALREADY_OPEN_1); H2 is not on the compile class path. */
    static final String H2_DATABASE_IN_USE = "90020";

    private final Environment environment;

    /** @param environment null when the failure came before the application context existed */
    DatabaseInUseFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
        if (!H2_DATABASE_IN_USE.equals(cause.getSQLState())) {
            return null;
        }
        return new FailureAnalysis(
                "The embedded database in " + DataDirectoryDescription.of(environment)
                        + " is in use by another process: another Encore is probably running on the same data directory.",
                "Stop the other Encore first (only one node may use a data directory), or start this one with its own "
                        + DataDirectory.PROPERTY + " (environment variable ENCORE_DATA_DIR).",
                cause);
    }
}
