package dev.encore.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

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
    void aRestartStopsToolsTheKilledProcessLeftWorkingInItsAttemptsAndNoOthers() throws Exception {
        Path outside = Files.createDirectories(root.resolveSibling(root.getFileName() + "-elsewhere"));
        ProcessHandle stray;
        ProcessHandle unrelated;
        Process ownChild = null;
        try (StagingArea before = new StagingArea(root, Clock.systemUTC())) {
            stray = orphan(before.create("video", UUID.randomUUID()));
            unrelated = orphan(outside);
        }
        try (StagingArea after = new StagingArea(root, Clock.systemUTC())) {
            ownChild = new ProcessBuilder("sleep", "300").directory(after.create("import").toFile()).start();
            assertThat(stray.isAlive()).as("a re-parented tool runs on after its parent").isTrue();
            after.clearAttempts();
            assertThat(stray.onExit().get(5, TimeUnit.SECONDS).isAlive()).isFalse();
            assertThat(unrelated.isAlive()).as("a process working elsewhere").isTrue();
            assertThat(ownChild.isAlive()).as("this process's own tool").isTrue();
        }
        finally {
            unrelated.destroyForcibly();
            if (ownChild != null) {
                ownChild.destroyForcibly();
            }
            Files.deleteIfExists(outside);
        }
    }

    /** A {@code sleep} working in {@code dir} whose parent has exited: re-parented, as a killed node's tools are. */
    private static ProcessHandle orphan(Path dir) throws Exception {
        Process shell = new ProcessBuilder("sh", "-c", "sleep 300 >/dev/null 2>&1 & echo $!").directory(dir.toFile())
                .start();
        long pid = Long.parseLong(new String(shell.getInputStream().readAllBytes()).trim());
        assertThat(shell.waitFor(5, TimeUnit.SECONDS)).isTrue();
        return ProcessHandle.of(pid).orElseThrow();
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
    void aRestartDeletesThePartsTomcatWasSpoolingButKeepsItsSpool() throws Exception {
        Path spool = root.resolve(StagingArea.MULTIPART);
        try (StagingArea before = new StagingArea(root, Clock.systemUTC())) {
            assertThat(spool).as("there before the first request").isDirectory();
            Files.write(spool.resolve("upload_1c2d_00000017.tmp"), new byte[2048]);
            assertThat(before.usage()).as("a spooled part counts").isEqualTo(new StagingArea.Usage(0, 2048));
            assertThat(before.sweep(java.time.Duration.ZERO)).as("a live request's part is Tomcat's").isZero();
        }
        try (StagingArea after = new StagingArea(root, Clock.systemUTC())) {
            assertThat(after.clearAttempts()).isEqualTo(1);
            assertThat(spool).isEmptyDirectory();
            assertThat(after.usage()).isEqualTo(new StagingArea.Usage(0, 0));
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
