package dev.encore.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.zaxxer.hikari.SQLExceptionOverride.Override;

/**
 * Connections to a database that closed itself (H2 after a full disk) or went away (PostgreSQL's 08
 * and 57P0x states) are retired, with one log line a minute; a statement that merely failed keeps
 * its connection.
 */
@ExtendWith(OutputCaptureExtension.class)
class ClosedDatabaseEvictionTests {

    private final ClosedDatabaseEviction eviction = new ClosedDatabaseEviction();

    @Test
    void aClosedOrVanishedDatabaseRetiresTheConnectionAndIsLoggedOnceAMinute(CapturedOutput output) {
        SQLException closed = new SQLException("The database has been closed [90098-232]\nSQL: insert into x",
                "90098", 90098);
        assertThat(eviction.adjudicate(new SQLException("wrapped", "HY000", 0, closed))).isEqualTo(Override.MUST_EVICT);
        assertThat(eviction.adjudicate(new SQLException("An I/O error occurred", "08006", 0)))
                .isEqualTo(Override.MUST_EVICT);
        assertThat(eviction.adjudicate(new SQLException("terminating connection due to administrator command",
                "57P01", 0))).isEqualTo(Override.MUST_EVICT);

        long lines = output.getAll().lines().filter(line -> line.contains("Database connections are failing")).count();
        assertThat(lines).as("once a minute, whichever comes first").isLessThanOrEqualTo(1);
        assertThat(output.getAll()).doesNotContain("insert into x").doesNotContain("at org.h2");
    }

    @Test
    void aStatementThatFailedKeepsItsConnection() {
        assertThat(eviction.adjudicate(new SQLException("duplicate key", "23505", 0)))
                .isEqualTo(Override.CONTINUE_EVICT);
        assertThat(eviction.adjudicate(new SQLException("no state"))).isEqualTo(Override.CONTINUE_EVICT);
    }
}
