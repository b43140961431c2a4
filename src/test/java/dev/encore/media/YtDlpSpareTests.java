package dev.encore.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A yt-dlp started ahead of time must run exactly what a cold start runs: the script's own code,
 * with the run's arguments, working directory and environment, its exit code, its timeout. The
 * "yt-dlp" here is a small Python script that reports what it was started with; it names its
 * interpreter by path, as Debian's yt-dlp does (through {@code env}, a pyenv shim on the way would
 * add variables of its own to the cold start's environment).
 */
class YtDlpSpareTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String REPORTER = """
            #!/usr/bin/python3
            import json, os, sys
            import helper  # beside the script: a script's directory is on its module path
            if '--sleep' in sys.argv:
                import time; time.sleep(60)
            print(json.dumps({"argv": sys.argv[1:], "cwd": os.getcwd(), "env": dict(os.environ),
                              "pid": os.getpid(), "name": __name__, "helper": helper.VALUE}))
            sys.exit(3 if '--exit-3' in sys.argv else 0)
            """;

    @TempDir
    Path dir;

    private final List<YtDlpSpare> spares = new ArrayList<>();

    @AfterEach
    void stopSpares() {
        spares.forEach(YtDlpSpare::destroy);
    }

    @Test
    void aRunInTheSpareSeesWhatAColdStartSees() throws Exception {
        Path script = reporter();
        YtDlpSpare spare = spare(script, Duration.ofMinutes(1));
        ProcessRunner runner = new ProcessRunner(spare);
        Path work = Files.createDirectories(dir.resolve("job one"));
        List<String> command = List.of(script.toString(), "--no-playlist", "--",
                "https://example.org/?a=1&b=\"q\" 'single' $HOME `id` ; rm -rf /", "ünïcode ✓", "line\nbreak", "");

        JsonNode cold = report(new ProcessRunner(), command, work);
        assertThat(spare.waiting()).isEmpty();
        run(runner, List.of(script.toString(), "--version"), work); // the first run starts cold, then a spare waits
        ProcessHandle waiting = awaitSpare(spare);

        JsonNode warm = report(runner, command, work);

        assertThat(warm.get("pid").asLong()).isEqualTo(waiting.pid());
        assertThat(warm.get("argv")).isEqualTo(cold.get("argv"));
        assertThat(warm.get("argv").get(2).asString()).isEqualTo(command.get(3));
        assertThat(warm.get("cwd")).isEqualTo(cold.get("cwd"));
        assertThat(warm.get("cwd").asString()).isEqualTo(work.toRealPath().toString());
        assertThat(warm.get("env")).isEqualTo(cold.get("env"));
        assertThat(warm.get("env").get("HOME").asString()).isEqualTo(work.toString());
        assertThat(warm.get("name").asString()).isEqualTo("__main__");
        assertThat(warm.get("helper").asString()).isEqualTo("beside");
        awaitSpare(spare); // and the next one is already starting
    }

    @Test
    void theSparesExitCodeTimeoutAndKillAreTheRunsOwn() throws Exception {
        Path script = reporter();
        YtDlpSpare spare = spare(script, Duration.ofMinutes(1));
        ProcessRunner runner = new ProcessRunner(spare);
        run(runner, List.of(script.toString()), dir);

        long exitPid = awaitSpare(spare).pid();
        ProcessRunner.Result exited = run(runner, List.of(script.toString(), "--exit-3"), dir);
        assertThat(exited.exitCode()).isEqualTo(3);
        assertThat(ProcessHandle.of(exitPid).filter(ProcessHandle::isAlive)).isEmpty();

        ProcessHandle sleeper = awaitSpare(spare);
        ProcessRunner.Result timedOut = runner.run(new ProcessRunner.Spec(List.of(script.toString(), "--sleep"), dir,
                Duration.ofSeconds(1), Map.of(), true), line -> { });
        assertThat(timedOut.timedOut()).isTrue();
        assertThat(sleeper.isAlive()).isFalse();
    }

    @Test
    void aDeadSpareMeansAColdStartAndThreeInARowTurnSparesOff() throws Exception {
        Path script = reporter();
        YtDlpSpare spare = spare(script, Duration.ofMinutes(1));
        ProcessRunner runner = new ProcessRunner(spare);
        run(runner, List.of(script.toString()), dir);
        for (int i = 0; i < 3; i++) {
            ProcessHandle killed = awaitSpare(spare);
            killed.destroyForcibly();
            killed.onExit().join();
            JsonNode report = report(runner, List.of(script.toString(), "run " + i), dir);
            assertThat(report.get("pid").asLong()).isNotEqualTo(killed.pid());
            assertThat(report.get("argv").get(0).asString()).isEqualTo("run " + i);
        }
        Thread.sleep(500);
        assertThat(spare.waiting()).isEmpty(); // turned off: every run starts the script itself
        assertThat(report(runner, List.of(script.toString(), "still runs"), dir).get("argv").get(0).asString())
                .isEqualTo("still runs");
    }

    @Test
    void onlyAnImportsRunOfThisExecutableTakesTheSpare() throws Exception {
        Path script = reporter();
        YtDlpSpare spare = spare(script, Duration.ofMinutes(1));
        ProcessRunner runner = new ProcessRunner(spare);
        run(runner, List.of(script.toString()), dir);
        ProcessHandle waiting = awaitSpare(spare);

        JsonNode versionCheck = JSON.readTree(output(runner, new ProcessRunner.Spec(List.of(script.toString(), "--version"),
                dir, Duration.ofSeconds(30), Map.of())));
        assertThat(versionCheck.get("pid").asLong()).isNotEqualTo(waiting.pid());
        Path copy = Files.copy(script, dir.resolve("other-tool"));
        assertThat(report(runner, List.of(copy.toString()), dir).get("pid").asLong()).isNotEqualTo(waiting.pid());
        assertThat(spare.take(List.of(script.toString(), "nul\0inside"), dir, Map.of())).isEmpty();
        assertThat(spare.waiting()).contains(waiting);
        assertThatThrownBy(() -> run(runner, List.of(script.toString(), "nul\0inside"), dir))
                .isInstanceOf(UncheckedIOException.class); // refused as a cold start refuses it
    }

    @Test
    void anUnusedSpareIsStoppedAfterTheIdleTimeAndOnShutdown() throws Exception {
        Path script = reporter();
        YtDlpSpare brief = spare(script, Duration.ofMillis(300));
        run(new ProcessRunner(brief), List.of(script.toString()), dir);
        ProcessHandle first = awaitSpare(brief);
        first.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(brief.waiting()).isEmpty();

        YtDlpSpare kept = spare(script, Duration.ofMinutes(1));
        run(new ProcessRunner(kept), List.of(script.toString()), dir);
        ProcessHandle second = awaitSpare(kept);
        kept.destroy();
        second.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
        kept.replenish();
        assertThat(kept.waiting()).isEmpty();
    }

    /** yt-dlp's own release is a zipapp: a shebang line, then a zip whose {@code __main__.py} runs it. */
    @Test
    void aZipappRunsInTheSpareAsItRunsCold() throws Exception {
        Path zipapp = dir.resolve("yt-dlp-release");
        try (java.io.OutputStream out = Files.newOutputStream(zipapp)) {
            out.write("#!/usr/bin/python3\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
                zip.putNextEntry(new java.util.zip.ZipEntry("__main__.py"));
                zip.write("""
                        import json, os, sys
                        import inside  # from the zip itself
                        print(json.dumps({"argv": sys.argv[1:], "pid": os.getpid(), "inside": inside.VALUE}))
                        """.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                zip.putNextEntry(new java.util.zip.ZipEntry("inside.py"));
                zip.write("VALUE = 'zipped'\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        Files.setPosixFilePermissions(zipapp, PosixFilePermissions.fromString("rwxr-xr-x"));
        YtDlpSpare spare = spare(zipapp, Duration.ofMinutes(1));
        ProcessRunner runner = new ProcessRunner(spare);
        JsonNode cold = report(runner, List.of(zipapp.toString(), "--", "https://example.org/a b"), dir);
        ProcessHandle waiting = awaitSpare(spare);

        JsonNode warm = report(runner, List.of(zipapp.toString(), "--", "https://example.org/a b"), dir);

        assertThat(warm.get("pid").asLong()).isEqualTo(waiting.pid());
        assertThat(warm.get("argv")).isEqualTo(cold.get("argv"));
        assertThat(warm.get("inside").asString()).isEqualTo("zipped");
    }

    @Test
    void aScriptThatIsNotPythonIsStartedEachTime() throws Exception {
        Path shell = executable("yt-dlp.sh", "#!/bin/sh\necho \"$$ $*\"\n");
        YtDlpSpare spare = spare(shell, Duration.ofMinutes(1));
        ProcessRunner runner = new ProcessRunner(spare);
        assertThat(output(runner, ProcessRunner.Spec.ytDlp(List.of(shell.toString(), "a b"), dir,
                Duration.ofSeconds(30)))).endsWith(" a b");
        Thread.sleep(300);
        assertThat(spare.waiting()).isEmpty();
    }

    @Test
    void aYtDlpInstalledAfterTheFirstRunGetsItsSpare() throws Exception {
        Path later = dir.resolve("yt-dlp");
        YtDlpSpare spare = spare(later, Duration.ofMinutes(1));
        spare.replenish(); // not installed yet: nothing to start, and nothing remembered
        assertThat(spare.waiting()).isEmpty();
        reporter();
        spare.replenish();
        assertThat(awaitSpare(spare).isAlive()).isTrue();
    }

    @Test
    void theInterpreterComesFromAPythonShebangOnly() throws Exception {
        assertThat(YtDlpSpare.interpreter(executable("a", "#!/usr/bin/python3\nimport yt_dlp\n"))).contains("/usr/bin/python3");
        assertThat(YtDlpSpare.interpreter(executable("b", "#!/usr/bin/env python3\n"))).contains("python3");
        assertThat(YtDlpSpare.interpreter(executable("c", "#!/usr/bin/env -S python3.11\n"))).contains("python3.11");
        assertThat(YtDlpSpare.interpreter(executable("d", "#! /opt/venv/bin/python \n"))).contains("/opt/venv/bin/python");
        assertThat(YtDlpSpare.interpreter(executable("e", "#!/bin/sh\nexec yt-dlp \"$@\"\n"))).isEmpty();
        assertThat(YtDlpSpare.interpreter(executable("f", "#!/usr/bin/python3 -u\n"))).isEmpty();
        assertThat(YtDlpSpare.interpreter(executable("g", "#!/usr/bin/env node\n"))).isEmpty();
        assertThat(YtDlpSpare.interpreter(executable("h", "\u007fELF binary"))).isEmpty();
        assertThat(YtDlpSpare.interpreter(dir.resolve("missing"))).isEmpty();
        assertThat(YtDlpSpare.resolve(Path.of("sh"))).isPresent();
        assertThat(YtDlpSpare.resolve(Path.of("bin/yt-dlp"))).isEmpty();
        assertThat(YtDlpSpare.resolve(Path.of("no-such-tool-on-the-path"))).isEmpty();
    }

    private YtDlpSpare spare(Path executable, Duration idle) {
        YtDlpSpare spare = new YtDlpSpare(executable, idle);
        spares.add(spare);
        return spare;
    }

    private Path reporter() throws IOException {
        Files.writeString(dir.resolve("helper.py"), "VALUE = 'beside'\n");
        return executable("yt-dlp", REPORTER);
    }

    private Path executable(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    private static ProcessHandle awaitSpare(YtDlpSpare spare) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            Optional<ProcessHandle> waiting = spare.waiting();
            if (waiting.isPresent()) {
                return waiting.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no spare started");
    }

    private static ProcessRunner.Result run(ProcessRunner runner, List<String> command, Path work)
            throws InterruptedException {
        return runner.run(ProcessRunner.Spec.ytDlp(command, work, Duration.ofSeconds(30)), line -> { });
    }

    private static JsonNode report(ProcessRunner runner, List<String> command, Path work) throws InterruptedException {
        return JSON.readTree(output(runner, ProcessRunner.Spec.ytDlp(command, work, Duration.ofSeconds(30))));
    }

    private static String output(ProcessRunner runner, ProcessRunner.Spec spec) throws InterruptedException {
        StringBuilder out = new StringBuilder();
        ProcessRunner.Result result = runner.run(spec, out::append);
        assertThat(result.succeeded()).as("exit %s, stderr %s", result.exitCode(), result.stderrTail()).isTrue();
        return out.toString();
    }
}
