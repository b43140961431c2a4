package dev.encore.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.awaitility.core.ConditionTimeoutException;
import org.springframework.util.FileSystemUtils;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3 implementation for the tests: Adobe S3Mock, run from its executable jar (Maven copies
 * it to {@code target/s3mock/}) as a separate process, so its own Spring Boot never meets ours on
 * one classpath. Started once per test JVM on a free loopback port, with one bucket; stopped when
 * the JVM exits. Tests keep apart by key prefix.
 */
public final class S3Server {

    public static final String BUCKET = "encore-test";
    public static final String REGION = "us-east-1";

    private static S3Server running;

    private final Process process;
    private final int port;

    private S3Server(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** The server of this JVM, started on first use. */
    public static synchronized S3Server get() {
        if (running == null) {
            running = start();
        }
        return running;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** A client of the test bucket, for tests that look behind the store. */
    public S3Client client() {
        return S3Client.builder().region(Region.of(REGION)).endpointOverride(endpoint()).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
    }

    /** Encore's settings for a blob store in the test bucket under {@code keyPrefix}. */
    public Map<String, String> properties(String keyPrefix) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("encore.storage.type", "s3");
        properties.put("encore.storage.s3.endpoint", endpoint().toString());
        properties.put("encore.storage.s3.region", REGION);
        properties.put("encore.storage.s3.bucket", BUCKET);
        properties.put("encore.storage.s3.path-style", "true");
        properties.put("encore.storage.s3.key-prefix", keyPrefix);
        properties.put("encore.storage.s3.access-key-id", "test");
        properties.put("encore.storage.s3.secret-access-key", "test");
        return properties;
    }

    /** A key prefix no other test uses. */
    public static String uniquePrefix(String name) {
        return name + "-" + UUID.randomUUID() + "/";
    }

    private static S3Server start() {
        Path jar = Path.of(System.getProperty("encore.it.s3mock", "target/s3mock/s3mock.jar"));
        assertThat(jar).as("S3Mock's executable jar (copied by Maven's process-test-classes)").exists();
        try {
            Path root = Files.createTempDirectory("encore-s3mock-");
            int port = PackagedJar.freePort();
            Path log = root.resolve("s3mock.log");
            Process process = new ProcessBuilder(List.of(PackagedJar.java(), "-Xmx384m", "-XX:TieredStopAtLevel=1",
                    "-jar", jar.toString(),
                    "--server.port=" + port, "--server.address=127.0.0.1", "--server.ssl.enabled=false",
                    "--http.port=0", // S3Mock's extra plain-HTTP connector, unused: any free port
                    "--com.adobe.testing.s3mock.store.initial-buckets=" + BUCKET,
                    "--com.adobe.testing.s3mock.store.root=" + root.resolve("data"),
                    "--logging.level.root=WARN", "--spring.main.banner-mode=off"))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                process.destroy();
                try {
                    process.waitFor(10, TimeUnit.SECONDS);
                    FileSystemUtils.deleteRecursively(root);
                }
                catch (IOException | InterruptedException ignored) {
                    // the JVM is exiting
                }
            }));
            awaitReady(process, port, log);
            return new S3Server(process, port);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static void awaitReady(Process process, int port, Path log) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest bucket = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/" + BUCKET))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build();
        try {
            await("S3Mock").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                    .ignoreExceptionsInstanceOf(IOException.class) // still starting
                    .until(() -> {
                        assertThat(process.isAlive()).as(() -> "S3Mock started: " + PackagedJar.read(log)).isTrue();
                        return client.send(bucket, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                    });
        }
        catch (ConditionTimeoutException notStarted) {
            throw new AssertionError("S3Mock did not start: " + PackagedJar.read(log));
        }
    }
}
