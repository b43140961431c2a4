package dev.encore.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * One yt-dlp started ahead of time, so an import does not wait for Python's start and yt-dlp's
 * imports (about 0.6 s of a 1.2 s page extraction on a 2-core box, paid by every run). yt-dlp is a
 * Python script: the spare is its interpreter running {@code ytdlp-spare.py}, which imports yt-dlp
 * and compiles its extractors' URL patterns, then waits for one run on its standard input and
 * runs the script itself with that run's arguments, working directory and environment. Each spare
 * serves one run; the next is started when a yt-dlp run ends, and an unused one is stopped after
 * {@code encore.media.ytdlp-spare-idle}, so an idle Encore keeps no Python around.
 *
 * <p>Only a script whose first line names a Python interpreter ({@code #!/usr/bin/python3},
 * {@code #!/usr/bin/env python3}, a virtualenv's python) gets a spare; anything else (a binary
 * build, a wrapper script) is started each time, as before. A spare that dies before its run
 * means a cold start, never a failed import; three in a row turn spares off with one warning.
 */
@Component
public class YtDlpSpare implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(YtDlpSpare.class);
    private static final int GIVE_UP_AFTER = 3;
    private static final Pattern PYTHON = Pattern.compile("python[0-9.]*");
    private static final String BOOTSTRAP = bootstrap();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path executable;
    private final Duration idle;
    private final AtomicReference<Process> current = new AtomicReference<>();
    private final AtomicInteger diedUnused = new AtomicInteger();
    private volatile Optional<List<String>> launcher;
    private volatile boolean off;

    @Autowired
    YtDlpSpare(MediaProperties properties) {
        this(properties.ytdlpPath(), properties.ytdlpSpareIdle());
    }

    YtDlpSpare(Path executable, Duration idle) {
        this.executable = executable;
        this.idle = idle;
        this.off = idle.isZero() || idle.isNegative();
    }

    /**
     * Hands the run {@code command} (yt-dlp's executable first) to the waiting spare, if there is
     * one for this executable, and returns it as the run's process; empty means start it the usual
     * way. The environment is the run's whole environment.
     */
    Optional<Process> take(List<String> command, Path workingDir, Map<String, String> environment) {
        if (off || !command.getFirst().equals(executable.toString()) || hasNul(command, environment)) {
            return Optional.empty(); // a NUL cannot be an argument: the usual start refuses it as it always did
        }
        Process spare = current.getAndSet(null);
        if (spare == null) {
            return Optional.empty();
        }
        if (!spare.isAlive()) {
            diedUnused();
            return Optional.empty();
        }
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("directory", workingDir.toAbsolutePath().toString());
        run.put("environment", environment);
        run.put("arguments", command.subList(1, command.size()));
        try (OutputStream input = spare.getOutputStream()) {
            input.write(JSON.writeValueAsBytes(run)); // closing it ends the request
        }
        catch (IOException gone) { // it exited between the check and the write
            spare.destroyForcibly();
            diedUnused();
            return Optional.empty();
        }
        diedUnused.set(0);
        return Optional.of(spare);
    }

    /** Starts a spare when there is none: called when a yt-dlp run ends, so the next one finds it warm. */
    synchronized void replenish() {
        if (off || current.get() != null) {
            return;
        }
        Optional<List<String>> command = launcher();
        if (command.isEmpty()) {
            return;
        }
        Process spare;
        try {
            ProcessBuilder builder = new ProcessBuilder(command.get()).directory(tmp().toFile());
            ProcessRunner.minimalEnvironment(builder, tmp()); // the run's own replaces it before the script runs
            spare = builder.start();
        }
        catch (IOException ex) {
            turnOff("its interpreter could not be started (" + ex.getMessage() + ")");
            return;
        }
        current.set(spare);
        CompletableFuture.delayedExecutor(idle.toMillis(), TimeUnit.MILLISECONDS).execute(() -> {
            if (current.compareAndSet(spare, null)) {
                spare.destroy(); // unused for the whole idle time: not worth its memory any longer
            }
        });
    }

    /** The process waiting for a run, for tests. */
    Optional<ProcessHandle> waiting() {
        return Optional.ofNullable(current.get()).map(Process::toHandle);
    }

    @Override
    public synchronized void destroy() {
        off = true;
        Process spare = current.getAndSet(null);
        if (spare != null) {
            spare.destroy();
        }
    }

    private Optional<List<String>> launcher() {
        Optional<List<String>> known = launcher;
        if (known == null) {
            Optional<Path> script = resolve(executable);
            if (script.isEmpty()) {
                return Optional.empty(); // not installed (yet): the health check says so; asked again next time
            }
            known = interpreter(script.get())
                    .map(interpreter -> List.of(interpreter, "-s", "-c", BOOTSTRAP, script.get().toString()));
            if (known.isEmpty()) {
                log.info("yt-dlp ({}) is not a Python script Encore can start ahead of time; each import starts it", executable);
            }
            launcher = known;
        }
        return known;
    }

    /** The interpreter a script's first line names, when it is a Python one; empty for anything else. */
    static Optional<String> interpreter(Path script) {
        String first;
        try (InputStream in = Files.newInputStream(script)) {
            first = new String(in.readNBytes(256), StandardCharsets.UTF_8).lines().findFirst().orElse(null);
        }
        catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
        if (first == null || !first.startsWith("#!")) {
            return Optional.empty();
        }
        List<String> words = new ArrayList<>(Arrays.asList(first.substring(2).trim().split("\\s+")));
        if (!words.isEmpty() && words.getFirst().endsWith("/env")) {
            words.removeFirst();
            if (!words.isEmpty() && words.getFirst().equals("-S")) {
                words.removeFirst();
            }
        }
        // one word only: an interpreter with options of its own would need them, and is started as usual
        if (words.size() != 1 || !PYTHON.matcher(Path.of(words.getFirst()).getFileName().toString()).matches()) {
            return Optional.empty();
        }
        return Optional.of(words.getFirst());
    }

    /** The file {@code executable} starts: itself when it is a path, else its first match on the PATH. */
    static Optional<Path> resolve(Path executable) {
        if (executable.isAbsolute()) {
            return Files.isRegularFile(executable) ? Optional.of(executable) : Optional.empty();
        }
        if (executable.getNameCount() != 1) {
            return Optional.empty(); // relative to the run's working directory: not known ahead
        }
        String path = System.getenv().getOrDefault("PATH", ProcessRunner.DEFAULT_PATH);
        return Arrays.stream(path.split(":")).filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir).resolve(executable))
                .filter(candidate -> Files.isRegularFile(candidate) && Files.isExecutable(candidate))
                .findFirst();
    }

    private void diedUnused() {
        if (diedUnused.incrementAndGet() >= GIVE_UP_AFTER) {
            turnOff(GIVE_UP_AFTER + " spares in a row exited before their run");
        }
    }

    private void turnOff(String why) {
        off = true;
        log.warn("yt-dlp is no longer started ahead of time: {}; each import starts it", why);
    }

    private static boolean hasNul(List<String> command, Map<String, String> environment) {
        return command.stream().anyMatch(argument -> argument.indexOf('\0') >= 0)
                || environment.entrySet().stream().anyMatch(e -> (e.getKey() + e.getValue()).indexOf('\0') >= 0);
    }

    private static Path tmp() {
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    private static String bootstrap() {
        try (InputStream in = YtDlpSpare.class.getResourceAsStream("ytdlp-spare.py")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException | NullPointerException ex) {
            throw new IllegalStateException("ytdlp-spare.py is missing from the jar", ex);
        }
    }
}
