package dev.encore.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.mock.env.MockEnvironment;

/** The start-up failures an operator meets on a shared or read-only data directory read as two lines. */
class StartFailureAnalyzersTests {

    private final MockEnvironment environment = new MockEnvironment().withProperty("encore.data-dir", "/srv/encore");

    @Test
    void aLockedEmbeddedDatabaseNamesTheDataDirectoryAndTheWayOut() {
        SQLException locked = new SQLException("Database may be already in use: \"/srv/encore/db/encore.mv.db\"", "90020", 90020);
        FailureAnalysis analysis = new DatabaseInUseFailureAnalyzer(environment)
                .analyze(new BeanCreationException("flyway", "Instantiation of supplied bean failed", locked));

        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).contains("/srv/encore", "another Encore");
        assertThat(analysis.getAction()).contains("encore.data-dir", "ENCORE_DATA_DIR");
    }

    @Test
    void otherDatabaseFailuresAreLeftToTheDefaultReport() {
        SQLException syntax = new SQLException("Syntax error", "42000", 42000);

        assertThat(new DatabaseInUseFailureAnalyzer(environment).analyze(new IllegalStateException(syntax))).isNull();
    }

    @Test
    void aReadOnlyDiskNamesTheFileTheReasonAndTheSetting() {
        FileSystemException readOnly = new FileSystemException("/srv/encore/staging/.lock", null, "Read-only file system");
        FailureAnalysis analysis = new UnwritableStorageFailureAnalyzer(environment)
                .analyze(new BeanCreationException("stagingArea", "failed", new RuntimeException(readOnly)));

        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).isEqualTo("Encore cannot write /srv/encore/staging/.lock: Read-only file system.");
        assertThat(analysis.getAction()).contains("/srv/encore", "encore.data-dir");
    }

    @Test
    void aDirectoryOwnedByAnotherUserIsReportedBeforeTheContextExists() {
        AccessDeniedException denied = new AccessDeniedException("/srv/encore");
        FailureAnalysis analysis = new UnwritableStorageFailureAnalyzer(null)
                .analyze(new UncheckedIOException("Cannot create the data directory /srv/encore (encore.data-dir)", denied));

        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).isEqualTo("Encore cannot write /srv/encore: Permission denied.");
        assertThat(analysis.getAction()).contains("the data directory (encore.data-dir)");
    }

    @Test
    void aFileWhereTheDataDirectoryShouldBeIsNamed() {
        FailureAnalysis analysis = new UnwritableStorageFailureAnalyzer(environment)
                .analyze(new UncheckedIOException(new java.nio.file.FileAlreadyExistsException("/srv/encore")));

        assertThat(analysis.getDescription()).isEqualTo("Encore cannot write /srv/encore: it exists and is not a directory.");
    }

    @Test
    void aMissingFileIsNotCalledUnwritable() {
        NoSuchFileException missing = new NoSuchFileException("/usr/bin/ffmpeg");

        assertThat(new UnwritableStorageFailureAnalyzer(environment).analyze(new IllegalStateException(missing))).isNull();
    }

    @Test
    void aMissingSettingNamesThePropertyItsEnvironmentVariableAndWhatToSet() {
        MissingSettingException missing = new MissingSettingException("encore.mail.from",
                "must be set when spring.mail.host is", "Set encore.mail.from to the address mails come from");
        FailureAnalysis analysis = new MissingSettingFailureAnalyzer()
                .analyze(new BeanCreationException("mailSettings", "failed", missing));

        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription())
                .isEqualTo("Encore cannot start: encore.mail.from must be set when spring.mail.host is.");
        assertThat(analysis.getAction())
                .isEqualTo("Set encore.mail.from to the address mails come from. In the environment, encore.mail.from is "
                        + "ENCORE_MAIL_FROM.");
    }
}
