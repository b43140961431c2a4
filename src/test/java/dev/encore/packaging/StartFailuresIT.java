package dev.encore.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.encore.support.PackagedJar;

/**
 * The start-up failures an operator meets most, seen as they see them: a second Encore started on
 * a data directory that one already uses, and a data directory on a read-only disk (here a regular
 * file where the directory should be). Each start stops with a short report that names the
 * directory and the setting, not a page of nested bean-creation errors, and leaves the running
 * node serving.
 */
class StartFailuresIT {

    @TempDir
    Path work;

    private Process first;

    @Test
    void aSecondNodeOnTheSameDataDirectoryStopsWithAShortReportAndTheFirstGoesOn() throws Exception {
        int port = PackagedJar.freePort();
        first = PackagedJar.startEmbedded(work, "first.log", port, Duration.ofMinutes(3));

        Path log = work.resolve("second.log");
        Process second = PackagedJar.start(log, "--server.port=" + PackagedJar.freePort(),
                "--encore.data-dir=" + work.resolve("data"), "--spring.profiles.active=default");

        assertThat(second.waitFor(3, TimeUnit.MINUTES)).as("the second node gives up").isTrue();
        assertThat(second.exitValue()).isNotZero();
        String report = PackagedJar.read(log);
        assertThat(report).contains("APPLICATION FAILED TO START",
                "The embedded database in the data directory " + work.resolve("data").toAbsolutePath().normalize(),
                "another Encore", "ENCORE_DATA_DIR");
        assertThat(report).as("no stack trace").doesNotContain("Caused by", "\tat ");
        PackagedJar.awaitLive(first, port, work.resolve("first.log"), Duration.ofSeconds(10));
    }

    @Test
    void aDataDirectoryThatCannotBeWrittenStopsWithAShortReport() throws Exception {
        Path blocked = java.nio.file.Files.writeString(work.resolve("not-a-directory"), "a file, not a directory");
        Path log = work.resolve("start.log");
        Process start = PackagedJar.start(log, "--server.port=" + PackagedJar.freePort(),
                "--encore.data-dir=" + blocked.resolve("data"), "--spring.profiles.active=default");

        assertThat(start.waitFor(3, TimeUnit.MINUTES)).isTrue();
        assertThat(start.exitValue()).isNotZero();
        String report = PackagedJar.read(log);
        assertThat(report).contains("APPLICATION FAILED TO START", "Encore cannot write " + blocked, "encore.data-dir");
        assertThat(report).as("no stack trace").doesNotContain("Caused by", "\tat ");
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (first != null) {
            first.destroy();
            first.waitFor(60, TimeUnit.SECONDS);
        }
    }
}
