package dev.encore.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Helpers for tests that start the packaged jar as a separate process, as operators do. */
public final class PackagedJar {

    private PackagedJar() {
    }

    /** The jar Maven's {@code package} built (failsafe passes its path). */
    public static Path jar() {
        Path jar = Path.of(System.getProperty("encore.it.jar", "target/encore.jar"));
        assertThat(jar).as("the packaged jar (run through Maven's verify)").exists();
        return jar;
    }

    /**
     * A process of the jar as an operator starts it, embedded: the loopback services' connection
     * settings a {@code services} run takes from the environment (SPRING_DATASOURCE_URL, ...) are
     * not passed on, so the jar keeps its own H2 database whichever profile the suite runs in.
     */
    public static ProcessBuilder process(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("SPRING_DATASOURCE_")
                || name.startsWith("SPRING_DATA_REDIS_") || name.startsWith("SPRING_RABBITMQ_")
                || name.startsWith("SPRING_PROFILES_"));
        return builder;
    }

    /**
     * Starts {@code java -jar encore.jar arguments...} as an operator does ({@link #process}), its
     * output and errors in {@code log}.
     */
    public static Process start(Path log, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(java(), "-jar", jar().toString()));
        command.addAll(List.of(arguments));
        return process(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /**
     * Starts the jar on its embedded defaults with its data in {@code work/data}, as an operator
     * restarting the same node does, and waits up to {@code timeout} until it is live.
     */
    public static Process startEmbedded(Path work, String log, int port, Duration timeout, String... arguments)
            throws IOException, InterruptedException {
        List<String> all = new ArrayList<>(List.of("--server.port=" + port, "--encore.data-dir=" + work.resolve("data"),
                "--spring.profiles.active=default"));
        all.addAll(List.of(arguments));
        Process started = start(work.resolve(log), all.toArray(String[]::new));
        awaitLive(started, port, work.resolve(log), timeout);
        return started;
    }

    /** The java executable of the JDK running the tests. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Waits up to 90 s for {@code /livez} to answer 200; fails with the process log otherwise. */
    public static void awaitLive(Process process, int port, Path log) throws InterruptedException {
        awaitLive(process, port, log, Duration.ofSeconds(90));
    }

    /** Waits up to {@code timeout} for {@code /livez} to answer 200; fails with the process log otherwise. */
    public static void awaitLive(Process process, int port, Path log, Duration timeout) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        try {
            org.awaitility.Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(250)).until(() -> {
                assertThat(process.isAlive()).as(() -> "process started: " + read(log)).isTrue();
                try {
                    return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/livez")).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                }
                catch (IOException notYet) {
                    return false; // still starting
                }
            });
        }
        catch (org.awaitility.core.ConditionTimeoutException ex) {
            throw new AssertionError("Encore did not become live: " + read(log), ex);
        }
    }

    /** The log file's text, or a note that there is none. */
    public static String read(Path log) {
        try {
            return Files.readString(log);
        }
        catch (IOException ex) {
            return "(no log)";
        }
    }
}
