package dev.encore.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.encore.fixtures.FixtureController;
import dev.encore.support.PackagedJar;

/**
 * Starts the packaged jar as operators do, sends SIGTERM while slow requests are in flight, and
 * expects them to finish, new work to be refused, WebSocket clients to be closed with 1001 (going
 * away) rather than dropped, and the process to exit 0. The database closes
 * last (H2's own shutdown hook is off): a request that reads it at the end of the drain is
 * answered, and the shutdown logs no error. The slow endpoints are test fixtures put next to the
 * jar with Spring Boot's {@code loader.path}.
 */
class GracefulShutdownIT {

    @TempDir
    Path work;

    private Process process;

    @Test
    void sigtermDrainsInFlightRequestsAndExitsZero() throws Exception {
        int port = PackagedJar.freePort();
        process = start(port);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        PackagedJar.awaitLive(process, port, work.resolve("encore.log"));

        CompletableFuture<HttpResponse<String>> slow = client.sendAsync(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/fixtures/slow?millis=4000")).build(),
                HttpResponse.BodyHandlers.ofString());
        CompletableFuture<HttpResponse<String>> slowQuery = client.sendAsync(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/fixtures/slow-query?millis=4000")).build(),
                HttpResponse.BodyHandlers.ofString());
        CompletableFuture<Integer> closeCode = new CompletableFuture<>();
        client.newWebSocketBuilder().subprotocols("v12.stomp")
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
                        closeCode.complete(statusCode);
                        return null;
                    }

                    @Override
                    public void onError(WebSocket socket, Throwable error) {
                        closeCode.complete(1006); // dropped without a close frame
                    }
                }).get(10, TimeUnit.SECONDS);
        Thread.sleep(1000);
        process.destroy(); // SIGTERM
        assertThat(closeCode.get(10, TimeUnit.SECONDS)).as("WebSocket clients are told the node is going away")
                .isEqualTo(1001);

        Thread.sleep(500);
        assertThat(refusesNewWork(client, port)).as("new requests are refused while draining").isTrue();

        HttpResponse<String> response = slow.get(30, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"slept\":4000");
        HttpResponse<String> queried = slowQuery.get(30, TimeUnit.SECONDS);
        assertThat(queried.statusCode()).as("the database is still open at the end of the drain: " + queried.body())
                .isEqualTo(200);
        assertThat(queried.body()).contains("\"users\"");
        assertThat(process.waitFor(40, TimeUnit.SECONDS)).as("process exits").isTrue();
        assertThat(process.exitValue()).as(Files.readString(work.resolve("encore.log"))).isZero();
        String log = Files.readString(work.resolve("encore.log"));
        assertThat(log).contains("Graceful shutdown complete").doesNotContain("Database is already closed");
        assertThat(log.lines().filter(line -> line.contains(" ERROR ")).toList()).as("errors logged").isEmpty();
    }

    @AfterEach
    void stop() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
    }

    private Process start(int port) throws IOException {
        Path extra = fixtureClasses();
        List<String> command = new ArrayList<>(List.of(PackagedJar.java(),
                "-Dloader.path=" + extra,
                "-cp", PackagedJar.jar().toString(), "org.springframework.boot.loader.launch.PropertiesLauncher",
                "--server.port=" + port,
                "--encore.data-dir=" + work.resolve("data"),
                "--encore.shutdown-grace=20s",
                "--spring.profiles.active=default"));
        return PackagedJar.process(command).redirectErrorStream(true)
                .redirectOutput(work.resolve("encore.log").toFile()).start();
    }

    /** Copies the fixture controllers' classes, and nothing else of the test tree, beside the jar. */
    private Path fixtureClasses() throws IOException {
        Path source = Path.of(FixtureController.class.getProtectionDomain().getCodeSource().getLocation().getPath())
                .resolve("dev/encore/fixtures");
        Path target = Files.createDirectories(work.resolve("extra/dev/encore/fixtures"));
        try (DirectoryStream<Path> classes = Files.newDirectoryStream(source, "Fixture*Controller*.class")) {
            for (Path file : classes) {
                Files.copy(file, target.resolve(file.getFileName()));
            }
        }
        return work.resolve("extra");
    }

    private static boolean refusesNewWork(HttpClient client, int port) throws InterruptedException {
        try {
            HttpResponse<Void> response = client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/readyz")).timeout(Duration.ofSeconds(3)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 503;
        }
        catch (IOException refused) {
            return true;
        }
    }
}
