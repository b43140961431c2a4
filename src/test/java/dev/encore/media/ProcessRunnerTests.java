package dev.encore.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessRunnerTests {

    @TempDir
    Path dir;

    private final ProcessRunner runner = new ProcessRunner();

    @Test
    void passesArgumentsVerbatimWithoutAShell() throws Exception {
        List<String> lines = new ArrayList<>();
        ProcessRunner.Result result = runner.run(spec(Duration.ofSeconds(10), "echo", "a; rm -rf /", "$(id)", "`x`"),
                lines::add);
        assertThat(result.succeeded()).isTrue();
        assertThat(lines).containsExactly("a; rm -rf / $(id) `x`");
    }

    @Test
    void keepsTheTailOfStandardErrorAndTheExitCode() throws Exception {
        ProcessRunner.Result result = runner.run(spec(Duration.ofSeconds(10), "ls", "/definitely/not/here"), line -> { });
        assertThat(result.succeeded()).isFalse();
        assertThat(result.exitCode()).isPositive();
        assertThat(result.stderrTail()).anySatisfy(line -> assertThat(line).contains("/definitely/not/here"));
    }

    @Test
    void aRunThatCouldNotWriteItsOutputFailedWhateverItsExitCode() throws Exception {
        // ffmpeg exits 0 when the disk fills up as it finishes (left: a truncated file); /dev/full answers
        // every write with ENOSPC, as a full disk does
        List<String> tone = List.of("ffmpeg", "-hide_banner", "-nostdin", "-y", "-loglevel", "error", "-f", "lavfi",
                "-i", "sine=duration=2", "-c:a", "libmp3lame", "-f", "mp3");
        ProcessRunner.Result full = runner.run(spec(Duration.ofSeconds(30), with(tone, "/dev/full")), line -> { });
        assertThat(full.exitCode()).as("ffmpeg's own verdict").isZero();
        assertThat(full.succeeded()).isFalse();
        assertThat(full.storageFull()).isTrue();

        ProcessRunner.Result written = runner.run(spec(Duration.ofSeconds(30), with(tone,
                dir.resolve("tone.mp3").toString())), line -> { });
        assertThat(written.succeeded()).isTrue();
        assertThat(written.storageFull()).isFalse();
        assertThat(dir.resolve("tone.mp3")).isNotEmptyFile();
    }

    private static String[] with(List<String> command, String last) {
        List<String> all = new ArrayList<>(command);
        all.add(last);
        return all.toArray(String[]::new);
    }

    @Test
    void givesTheToolAMinimalEnvironment() throws Exception {
        List<String> lines = new ArrayList<>();
        runner.run(new ProcessRunner.Spec(List.of("env"), dir, Duration.ofSeconds(10), Map.of("EXTRA", "1")), lines::add);
        assertThat(lines).extracting(line -> line.substring(0, line.indexOf('=')))
                .containsExactlyInAnyOrder("PATH", "HOME", "LANG", "EXTRA");
    }

    @Test
    void killsTheWholeTreeOnTimeout() throws Exception {
        Path pids = dir.resolve("pids");
        long started = System.nanoTime();
        ProcessRunner.Result result = runner.run(spec(Duration.ofMillis(500), "bash", "-c",
                "sleep 60 & echo $! > " + pids + "; sleep 60"), line -> { });
        assertThat(result.timedOut()).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        awaitGone(pids);
    }

    @Test
    void killsTheTreeWhenTheCallerIsInterrupted() throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Long> pid = new CopyOnWriteArrayList<>();
        Thread worker = Thread.ofVirtual().start(() -> {
            try {
                runner.run(spec(Duration.ofMinutes(5), "bash", "-c", "echo $$; sleep 60"), line -> pid.add(Long.parseLong(line)));
            }
            catch (Throwable ex) {
                failure.set(ex);
            }
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> !pid.isEmpty());
        worker.interrupt();
        worker.join(5000);
        assertThat(failure.get()).isInstanceOf(InterruptedException.class);
        await().atMost(Duration.ofSeconds(5)).until(() -> ProcessHandle.of(pid.getFirst()).map(h -> !h.isAlive()).orElse(true));
    }

    @Test
    void aCancelKillsTheTreeAndEndsTheRunWithoutAnInterrupt() throws Exception {
        Path pids = dir.resolve("pids");
        java.util.concurrent.atomic.AtomicBoolean cancelled = new java.util.concurrent.atomic.AtomicBoolean();
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread.ofVirtual().start(() -> {
            await().atMost(Duration.ofSeconds(5)).until(() -> !lines.isEmpty());
            cancelled.set(true);
        });
        long started = System.nanoTime();
        assertThatThrownBy(() -> runner.run(spec(Duration.ofMinutes(5), "bash", "-c",
                "sleep 60 & echo $! > " + pids + "; echo up; sleep 60"), lines::add, cancelled::get))
                .isInstanceOf(java.util.concurrent.CancellationException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        awaitGone(pids);
    }

    @Test
    void aToolThatEndsBeforeItsTimeoutKeepsItsOutputAndExitCode() throws Exception {
        List<String> lines = new ArrayList<>();
        ProcessRunner.Result result = runner.run(spec(Duration.ofSeconds(10), "bash", "-c",
                "for i in $(seq 1 2000); do echo line$i; done; echo oops >&2; exit 4"), lines::add, () -> false);
        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(result.timedOut()).isFalse();
        assertThat(result.stderrTail()).containsExactly("oops");
        assertThat(lines).hasSize(2000).endsWith("line2000");
    }

    @Test
    void reportsAMissingExecutable() {
        assertThatThrownBy(() -> runner.run(spec(Duration.ofSeconds(1), "/no/such/tool"), line -> { }))
                .isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void aStartedToolHandsOverItsOutputAsBytesAndItsErrorLinesApart() throws Exception {
        List<String> errors = new CopyOnWriteArrayList<>();
        try (ProcessRunner.Started started = runner.start(spec(Duration.ofSeconds(10), "bash", "-c",
                "printf 'a\\0b'; echo said >&2; exit 3"), errors::add, () -> false)) {
            assertThat(started.output().readAllBytes()).containsExactly('a', 0, 'b');
            ProcessRunner.Result result = started.finish();
            assertThat(result.exitCode()).isEqualTo(3);
            assertThat(result.stderrTail()).containsExactly("said");
            assertThat(errors).containsExactly("said");
        }
    }

    @Test
    void aStartedToolIsKilledOnCancelOrTimeoutWhileNobodyWaits() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean cancelled = new java.util.concurrent.atomic.AtomicBoolean();
        try (ProcessRunner.Started started = runner.start(spec(Duration.ofSeconds(30), "sleep", "60"), line -> { },
                cancelled::get)) {
            cancelled.set(true);
            assertThat(started.output().read()).isEqualTo(-1); // the reader sees the output end
            assertThat(started.finish().succeeded()).isFalse();
        }
        try (ProcessRunner.Started started = runner.start(spec(Duration.ofMillis(300), "sleep", "60"), line -> { },
                () -> false)) {
            assertThat(started.output().read()).isEqualTo(-1);
            assertThat(started.finish().timedOut()).isTrue();
        }
    }

    /** Waits for the process whose id the tool wrote to {@code pids} (a child it left running) to be gone. */
    private static void awaitGone(Path pids) throws java.io.IOException {
        long child = Long.parseLong(Files.readString(pids).trim());
        await().atMost(Duration.ofSeconds(5)).until(() -> ProcessHandle.of(child).map(h -> !h.isAlive()).orElse(true));
    }

    private ProcessRunner.Spec spec(Duration timeout, String... command) {
        return new ProcessRunner.Spec(List.of(command), dir, timeout, Map.of());
    }
}
