package dev.encore.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the integration tests: the whole app on a random port, in embedded mode, or in
 * distributed mode against the loopback PostgreSQL, Redis and RabbitMQ when the {@code services}
 * Maven profile sets {@code spring.profiles.active=distributed}. Every test class extending it
 * with no extra properties shares one application context.
 * <p>
 * A class that needs a context of its own (other properties, extra beans) marks itself
 * {@code @DirtiesContext}: every context is a node on the same database, and a cached one would go on
 * running JobRunr jobs, sweeps and timers for the other tests' data, with its messages going to its
 * own clients only (a premiere starting on the wrong node, say).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "encore.security.trusted-proxies=127.0.0.1/32",
        "encore.security.allowed-origins=https://app.example.org",
        "encore.metrics.token=scrape-token-for-tests-0123456789",
        "encore.ratelimit.general.capacity=40",
        "encore.ratelimit.limits.fixture.capacity=3",
        "encore.ratelimit.limits.fixture.period=1h",
        // media tests fetch from a loopback server; 127.0.0.2 stays blocked (an allowed host that resolves there)
        "encore.ingest.trusted-networks=127.0.0.1/32",
        "encore.ingest.allowed-hosts=www.youtube.com,youtube.com,youtu.be,127.0.0.2",
        "encore.ingest.max-batch-urls=5",
        // four, so that ten imports from three users can all be active at once (single flight test)
        "encore.ingest.max-concurrent-per-user=4",
        "encore.upload.max-bytes=3MB",
        "encore.upload.daily-bytes=4MB",
        "encore.ratelimit.limits.imports.capacity=1000",
        // each test's client registers a few accounts; RegistrationIT fills one client's bucket
        "encore.ratelimit.limits.registration.capacity=20",
        "encore.ratelimit.limits.imports-bulk.capacity=1000",
        "encore.security.admin-registration-key=" + IntegrationTest.ADMIN_KEY,
        // tests make many admins with the key (FirstStartIT covers the bootstrap key)
        "encore.security.admin-key-reusable=true",
        // JobServerRecoveryIT stops the job server and waits for it to be started again
        "encore.health.job-server-check-interval=1s",
        // the log tests read ECS lines
        "encore.logging.format=json" })
public abstract class IntegrationTest {

    /** The admin registration key of the test application. */
    public static final String ADMIN_KEY = "test-admin-registration-key";

    private static final Path DATA_DIR = createDataDir();

    static {
        // a system property, not a dynamic property: environment post-processors (data dir,
        // generated secrets) run before dynamic properties are added
        System.setProperty("encore.data-dir", DATA_DIR.toString());
        if (ServicesProfile.active()) {
            // likewise: the distributed profile's start-up check looks for a shared blob store
            ServicesProfile.storage().forEach(System::setProperty);
        }
    }

    @LocalServerPort
    protected int port;

    @Autowired
    private JwtEncoder jwtEncoder;

    protected Api api;
    protected Tokens tokens;
    protected TestAccounts users;

    @DynamicPropertySource
    static void embeddedOrServices(DynamicPropertyRegistry registry) {
        registry.add("encore.ratelimit.key-prefix", IntegrationTest::rateLimitKeyPrefix);
        // every upload is scanned by a real clamd with a local test signature (where clamd is installed)
        registry.add("encore.upload.clamav.enabled", ClamAvDaemon::installed);
        registry.add("encore.upload.clamav.port", ClamAvDaemon::port);
        registry.add("encore.upload.clamav.timeout", () -> "10s");
        ServicesProfile.register(registry);
    }

    @BeforeEach
    void client() {
        api = new Api(port);
        tokens = new Tokens(jwtEncoder);
        users = new TestAccounts(api);
    }

    protected static Path dataDir() {
        return DATA_DIR;
    }

    /** Staging directories of {@code purpose} ({@code upload}, {@code tus}, ...) that exist now. */
    protected static long stagingDirectories(String purpose) {
        try (java.util.stream.Stream<Path> dirs = Stream.concat(Files.list(DATA_DIR.resolve("staging")),
                Files.list(DATA_DIR.resolve("staging/resumable")))) {
            return dirs.filter(dir -> dir.getFileName().toString().startsWith(purpose + "-")).count();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Redis key prefix of this test JVM, so runs never share buckets. */
    protected static String rateLimitKeyPrefix() {
        return "encore-it:" + DATA_DIR.getFileName() + ":";
    }

    private static Path createDataDir() {
        try {
            return Files.createTempDirectory("encore-it-");
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
