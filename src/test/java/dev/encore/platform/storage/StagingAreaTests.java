package dev.encore.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagingAreaTests {

    @TempDir
    Path root;

    @Test
    void aRestartClearsWhatAttemptsLeftButKeepsResumableWork() throws Exception {
        Path killedImport;
        Path killedJob;
        Path resumable;
        try (StagingArea before = new StagingArea(root, Clock.systemUTC())) {
            killedImport = before.create("import");
            Files.write(killedImport.resolve("source.webm"), new byte[4096]);
            killedJob = before.create("import", UUID.randomUUID());
            resumable = before.createResumable("tus");
            Files.write(resumable.resolve("data"), new byte[100]);
        }
        try (StagingArea after = new StagingArea(root, Clock.systemUTC())) {
            assertThat(after.clearAttempts()).isEqualTo(2);
            assertThat(killedImport).doesNotExist();
            assertThat(killedJob).doesNotExist();
            assertThat(resumable.resolve("data")).as("a resumable upload outlives a restart").exists();
            assertThat(after.usage()).isEqualTo(new StagingArea.Usage(1, 100));
        }
    }

    @Test
    void aSecondProcessOnTheSameAreaLeavesTheFirstOnesWorkAlone() throws Exception {
        try (StagingArea running = new StagingArea(root, Clock.systemUTC())) {
            Path live = running.create("import");
            try (StagingArea second = new StagingArea(root, Clock.systemUTC())) {
                assertThat(second.clearAttempts()).as("the area is held").isEqualTo(-1);
            }
            assertThat(live).exists();
        }
    }

    @Test
    void countsWhatIsInIt() throws Exception {
        try (StagingArea staging = new StagingArea(root, Clock.systemUTC())) {
            assertThat(staging.usage()).isEqualTo(new StagingArea.Usage(0, 0));
            Files.write(staging.create("upload").resolve("part"), new byte[1000]);
            Path nested = Files.createDirectories(staging.create("import").resolve("tmp"));
            Files.write(nested.resolve("x"), new byte[24]);
            assertThat(staging.usage()).isEqualTo(new StagingArea.Usage(2, 1024));
        }
    }
}
