package dev.encore.media;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import dev.encore.platform.StorageFull;

/**
 * Runs external tools (ffmpeg, ffprobe, yt-dlp) safely: an argument list, never a shell; a
 * minimal environment (no secrets of Encore's leak into the tool); a wall-clock timeout; and on
 * timeout, cancellation or interruption the whole process tree is killed. Standard output is
 * streamed line by line to the caller (progress); the tail of standard error is kept for the log
 * and never shown to clients.
 */
@Component
public class ProcessRunner {

    private static final int STDERR_TAIL_LINES = 50;
    private static final Duration KILL_GRACE = Duration.ofSeconds(2);
    private static final Duration CANCEL_POLL = Duration.ofMillis(200);
    /** The PATH a tool gets when Encore itself was started without one. */
    static final String DEFAULT_PATH = "/usr/local/bin:/usr/bin:/bin";

    private final YtDlpSpare spare;

    /** Starts every tool itself (no {@link YtDlpSpare}). */
    public ProcessRunner() {
        this.spare = null;
    }

    @Autowired
    public ProcessRunner(YtDlpSpare spare) {
        this.spare = spare;
    }

    /**
     * What to run.
     *
     * @param command     executable and arguments, each one element
     * @param workingDir  directory to run in
     * @param timeout     wall-clock limit
     * @param environment extra environment variables (on top of PATH, HOME, LANG)
     * @param ytDlpSpare  whether a yt-dlp started ahead of time ({@link YtDlpSpare}) may run it: for
     *                    the runs of an import, not for a version check
     */
    public record Spec(List<String> command, Path workingDir, Duration timeout, Map<String, String> environment,
            boolean ytDlpSpare) {

        public Spec {
            command = List.copyOf(command);
            environment = Map.copyOf(environment);
        }

        public Spec(List<String> command, Path workingDir, Duration timeout, Map<String, String> environment) {
            this(command, workingDir, timeout, environment, false);
        }

        /** An import's yt-dlp run, which may go to the waiting {@link YtDlpSpare}. */
        public static Spec ytDlp(List<String> command, Path workingDir, Duration timeout) {
            return new Spec(command, workingDir, timeout, Map.of(), true);
        }
    }

    /**
     * How it ended.
     *
     * @param exitCode   the exit code (-1 when killed)
     * @param timedOut   whether the timeout killed it
     * @param stderrTail the last lines of standard error, for logs and to tell how the run ended
     */
    public record Result(int exitCode, boolean timedOut, List<String> stderrTail) {

        /**
         * ffmpeg's last words when it could not finish writing its output. It still exits 0 then (seen with
         * 5.1 on a full disk: "Error writing trailer of result.mp3: No space left on device", and a truncated
         * file left behind), so the exit code alone would pass a cut-off file as a finished one.
         */
        private static final List<String> OUTPUT_NOT_WRITTEN = List.of("Error writing trailer", "Error closing file");

        /** Exited 0 in time, and did not report that its output could not be written. */
        public boolean succeeded() {
            return !timedOut && exitCode == 0
                    && stderrTail.stream().noneMatch(line -> OUTPUT_NOT_WRITTEN.stream().anyMatch(line::contains));
        }

        /** Whether it reported a full disk (its output or a temporary file could not be written). */
        public boolean storageFull() {
            return StorageFull.reportedIn(stderrTail);
        }
    }

    /**
     * Runs {@code spec} to completion, passing each stdout line to {@code stdout}.
     *
     * @throws InterruptedException when the calling thread is interrupted (the tree is killed first)
     * @throws UncheckedIOException when the executable cannot be started
     */
    public Result run(Spec spec, Consumer<String> stdout) throws InterruptedException {
        return run(spec, stdout, () -> false);
    }

    /**
     * Like {@link #run(Spec, Consumer)}, and kills the tree as soon as {@code cancelled} turns
     * true (checked a few times a second): cancelling a job needs no thread interrupt.
     *
     * @throws java.util.concurrent.CancellationException when it was cancelled
     */
    public Result run(Spec spec, Consumer<String> stdout, java.util.function.BooleanSupplier cancelled)
            throws InterruptedException {
        return run(spec, stdout, cancelled, null);
    }

    /**
     * Like {@link #run(Spec, Consumer, java.util.function.BooleanSupplier)}, feeding {@code stdin}
     * (when not null) to the tool's standard input and closing it at the stream's end. When reading
     * {@code stdin} fails (a broken or refused source), the tree is killed at once, so the tool never
     * finishes on a truncated input as if it were whole; the stream's owner knows why it failed.
     */
    public Result run(Spec spec, Consumer<String> stdout, java.util.function.BooleanSupplier cancelled,
            InputStream stdin) throws InterruptedException {
        Process process = launch(spec, stdin == null);
        if (stdin != null) {
            Thread.ofVirtual().start(() -> feed(stdin, process));
        }
        try (Started started = new Started(process, spec.timeout(), line -> { }, cancelled)) {
            Thread out = Thread.ofVirtual().start(() -> pump(started.output(), stdout));
            Result result = started.finish();
            try {
                out.join(KILL_GRACE.toMillis());
            }
            catch (InterruptedException ex) {
                killTree(process);
                throw ex;
            }
            if (started.cancelled) {
                throw new java.util.concurrent.CancellationException("cancelled");
            }
            return result;
        }
    }

    /**
     * Starts {@code spec} and hands its standard output over as bytes (media a tool writes to
     * {@code -}), passing each standard error line to {@code stderr} and keeping their tail. The
     * caller reads {@link Started#output()}, then {@link Started#finish()}es it; closing it kills
     * the tree if it still runs, so a failed or cancelled reader never leaves the tool behind.
     *
     * @throws UncheckedIOException when the executable cannot be started
     */
    public Started start(Spec spec, Consumer<String> stderr, java.util.function.BooleanSupplier cancelled) {
        return new Started(launch(spec, true), spec.timeout(), stderr, cancelled);
    }

    /**
     * A tool started by {@link #start} (or {@link #run}): its output as bytes, its end, and its
     * kill on close. Its watchdog is the one place a timeout or a cancel is enforced: it kills the
     * tree at the timeout or as soon as {@code cancelled} turns true, even while nobody waits for
     * it (a reader blocked on its output then sees the output end).
     */
    public static final class Started implements AutoCloseable {

        private final Process process;
        private final Deque<String> stderr = new ArrayDeque<>();
        private final Thread err;
        private volatile boolean timedOut;
        private volatile boolean cancelled;

        private Started(Process process, Duration timeout, Consumer<String> lines,
                java.util.function.BooleanSupplier cancel) {
            this.process = process;
            this.err = Thread.ofVirtual().start(() -> pump(process.getErrorStream(), line -> {
                keepTail(stderr, line);
                lines.accept(line);
            }));
            long deadline = System.nanoTime() + timeout.toNanos();
            Thread.ofVirtual().start(() -> watch(deadline, cancel));
        }

        /** Kills the tree at {@code deadline} or on a cancel, setting the flag first so {@link #finish} sees it. */
        private void watch(long deadline, java.util.function.BooleanSupplier cancel) {
            try {
                while (true) {
                    if (cancel.getAsBoolean()) {
                        cancelled = true;
                        killTree(process);
                        return;
                    }
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        timedOut = true;
                        killTree(process);
                        return;
                    }
                    if (process.waitFor(Math.min(CANCEL_POLL.toNanos(), left), TimeUnit.NANOSECONDS)) {
                        return;
                    }
                }
            }
            catch (InterruptedException stopped) {
                killTree(process);
            }
        }

        /** The tool's standard output. */
        public InputStream output() {
            return process.getInputStream();
        }

        /** Waits for the tool to exit and for its standard error to be read to the end. */
        public Result finish() throws InterruptedException {
            try {
                int exitCode = process.waitFor(); // the watchdog ends it at the latest at the timeout
                err.join(KILL_GRACE.toMillis());
                synchronized (stderr) {
                    return new Result(timedOut ? -1 : exitCode, timedOut, new ArrayList<>(stderr));
                }
            }
            catch (InterruptedException ex) {
                killTree(process);
                throw ex;
            }
        }

        /** Kills the tree when the tool still runs. */
        @Override
        public void close() {
            if (process.isAlive()) {
                killTree(process);
            }
        }
    }

    private Process launch(Spec spec, boolean closeStdin) {
        ProcessBuilder builder = new ProcessBuilder(spec.command()).directory(spec.workingDir().toFile());
        Map<String, String> environment = minimalEnvironment(builder, spec.workingDir());
        environment.putAll(spec.environment());
        if (spare != null && spec.ytDlpSpare() && closeStdin) {
            Process process = spare.take(spec.command(), spec.workingDir(), environment)
                    .orElseGet(() -> start(builder, spec, true));
            process.onExit().thenRun(spare::replenish); // the next run finds one warm
            return process;
        }
        return start(builder, spec, closeStdin);
    }

    /** Replaces the inherited environment with PATH, HOME and LANG only: none of Encore's secrets reach a tool. */
    static Map<String, String> minimalEnvironment(ProcessBuilder builder, Path home) {
        Map<String, String> environment = builder.environment();
        String path = environment.getOrDefault("PATH", DEFAULT_PATH);
        environment.clear();
        environment.put("PATH", path);
        environment.put("HOME", home.toString());
        environment.put("LANG", "C.UTF-8");
        return environment;
    }

    private static Process start(ProcessBuilder builder, Spec spec, boolean closeStdin) {
        try {
            Process process = builder.start();
            if (closeStdin) {
                process.getOutputStream().close(); // the tool reads nothing from us
            }
            return process;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot start " + spec.command().getFirst(), ex);
        }
    }

    private static void keepTail(Deque<String> tail, String line) {
        synchronized (tail) {
            tail.addLast(line);
            if (tail.size() > STDERR_TAIL_LINES) {
                tail.removeFirst();
            }
        }
    }

    /** Kills the process and every descendant: politely, then for good. */
    static void killTree(Process process) {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + KILL_GRACE.toNanos();
        for (ProcessHandle handle : tree) {
            try {
                long left = Math.max(0, deadline - System.nanoTime());
                handle.onExit().get(left, TimeUnit.NANOSECONDS);
            }
            catch (Exception stillAlive) {
                handle.destroyForcibly();
            }
        }
    }

    /** Copies {@code source} into the process; a failing source kills the tree, a closed pipe ends the copy. */
    private static void feed(InputStream source, Process process) {
        byte[] buffer = new byte[64 * 1024];
        try (java.io.OutputStream sink = process.getOutputStream()) {
            while (true) {
                int read;
                try {
                    read = source.read(buffer);
                }
                catch (IOException | RuntimeException sourceFailed) {
                    killTree(process);
                    return;
                }
                if (read < 0) {
                    return; // closing stdin tells the tool the input is whole
                }
                sink.write(buffer, 0, read);
            }
        }
        catch (IOException toolStoppedReading) {
            // the tool exited or closed its input: its exit code tells what happened
        }
    }

    private static void pump(InputStream stream, Consumer<String> lines) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                try {
                    lines.accept(line);
                }
                catch (RuntimeException listenerFailed) {
                    // keep draining: a process whose output is not read would block
                }
            }
        }
        catch (IOException closed) {
            // the process went away; what was read is what there is
        }
    }
}
