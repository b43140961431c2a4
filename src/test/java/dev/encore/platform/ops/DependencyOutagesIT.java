package dev.encore.platform.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import dev.encore.EncoreApplication;
import dev.encore.support.Api;
import dev.encore.support.IntegrationTest;
import dev.encore.support.MediaTools;
import dev.encore.support.Multipart;
import dev.encore.support.ProblemAssert;
import dev.encore.support.ServicesProfile;
import dev.encore.support.TcpProxy;
import dev.encore.support.TestAccounts;
import dev.encore.support.TestAccounts.Account;

/**
 * A distributed node whose PostgreSQL and Redis connections go through proxies the test cuts:
 * readiness is 503 while the database is unreachable and 200 again after; a database that stops
 * answering for a moment under load costs no request; with Redis unreachable the node stays in
 * rotation as DEGRADED (its fallbacks serve), and every probe answers within a second.
 */
@EnabledIfSystemProperty(named = "encore.it.services", matches = "true",
        disabledReason = "PostgreSQL and Redis outages concern the distributed node (services run)")
class DependencyOutagesIT extends IntegrationTest {

    private static final Pattern JDBC_HOST = Pattern.compile("//([^/:]+)(?::(\\d+))?/");

    @TempDir
    static Path nodeDataDir;

    private static TcpProxy database;
    private static TcpProxy redis;
    private static TcpProxy bucket;
    private static ConfigurableApplicationContext node;

    @Autowired
    private Environment firstNode;

    @Test
    void readinessIs503WhilePostgresqlIsUnreachableAnd200After() {
        Api probe = node();
        Account account = new TestAccounts(probe).user();
        assertThat(probe.get("/readyz").statusCode()).isEqualTo(200);
        database.cut();
        try {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(timedProbe(probe).statusCode())
                    .isEqualTo(503));
            assertThat(Api.json(timedProbe(probe)).path("status").asString()).isEqualTo("DOWN");
            // a request that needs the database meanwhile: a problem the client can retry, not a 500
            HttpResponse<String> me = new Api(port(node)).get("/api/v1/me", account.accessToken());
            ProblemAssert.assertProblem(me, 503, "unavailable");
            assertThat(me.headers().firstValue("Retry-After")).as("Retry-After").isPresent();
            assertThat(me.body()).doesNotContainIgnoringCase("sql").doesNotContainIgnoringCase("jdbc")
                    .doesNotContain("Exception");
        }
        finally {
            database.restore();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(timedProbe(probe).statusCode())
                .isEqualTo(200));
    }

    /**
     * Search while the database is away answered 503 only after about 20 s: the engine's query waited
     * for a connection, then the database fallback waited again. Now one wait, of the pool's
     * connection timeout, and the engine is not set aside: once the database is back it answers again.
     */
    @Test
    void searchWhilePostgresqlIsUnreachableIsA503WithinSecondsAndTheEngineAnswersAfter() throws Exception {
        Api client = node();
        Account account = new TestAccounts(client).user();
        HttpResponse<String> before = client.get("/api/v1/search?q=encore", account.accessToken());
        assertThat(before.statusCode()).as(before.body()).isEqualTo(200);
        assertThat(before.headers().firstValue("Encore-Search-Source")).hasValue("postgres");
        database.cut();
        try {
            // as after a while down: the pool's connections found dead and dropped (the probes' checks
            // use them), so a request waits for a new one instead of failing on a dead one at once
            com.zaxxer.hikari.HikariPoolMXBean pool = node.getBean(javax.sql.DataSource.class)
                    .unwrap(com.zaxxer.hikari.HikariDataSource.class).getHikariPoolMXBean();
            await().atMost(Duration.ofSeconds(60)).until(() -> timedProbe(client).statusCode() == 503
                    && pool.getTotalConnections() == 0);
            long start = System.nanoTime();
            HttpResponse<String> search = client.get("/api/v1/search?q=encore", account.accessToken());
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            ProblemAssert.assertProblem(search, 503, "unavailable");
            assertThat(search.headers().firstValue("Retry-After")).isPresent();
            // 20.3 s before (two waits of 10 s), 5.1 s after (one of 5 s)
            assertThat(took).as("answer time").isLessThan(Duration.ofSeconds(7));
        }
        finally {
            database.restore();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> after = client.get("/api/v1/search?q=encore", account.accessToken());
            assertThat(after.statusCode()).isEqualTo(200);
            assertThat(after.headers().firstValue("Encore-Search-Source")).as("the engine, not the fallback")
                    .hasValue("postgres");
        });
    }

    @Test
    void postgresqlNotAnsweringForAMomentUnderLoadCostsNoRequest() throws Exception {
        Account account = new TestAccounts(node()).user();
        ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> clients = new ArrayList<>();
        for (int client = 0; client < 4; client++) {
            Api api = new Api(port(node));
            clients.add(Thread.ofVirtual().start(() -> {
                while (running.get()) {
                    statuses.add(api.get("/api/v1/me", account.accessToken()).statusCode());
                }
            }));
        }
        await().until(() -> statuses.size() > 20);
        database.pause(); // held, not dropped: requests wait for their queries and for connections
        Thread.sleep(3000);
        int duringThePause = statuses.size();
        database.resume();
        await().atMost(Duration.ofSeconds(20)).until(() -> statuses.size() > duringThePause + 40);
        running.set(false);
        for (Thread client : clients) {
            client.join(Duration.ofSeconds(20));
        }
        assertThat(statuses).as("answers while the database paused and after").doesNotContain(500, 502, 503, 504)
                .allMatch(status -> status == 200);
    }

    /**
     * A restart drops every connection, with the queries in flight on them: those requests may
     * answer 503 with Retry-After (the client sends them again), never a 500; requests that start
     * while the database is away wait for a connection; after the restart every request succeeds.
     */
    @Test
    void postgresqlRestartingUnderLoadCostsAtMostRetryableAnswers() throws Exception {
        Account account = new TestAccounts(node()).user();
        ConcurrentLinkedQueue<HttpResponse<String>> answers = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> clients = new ArrayList<>();
        for (int client = 0; client < 4; client++) {
            Api api = new Api(port(node));
            clients.add(Thread.ofVirtual().start(() -> {
                while (running.get()) {
                    answers.add(api.get("/api/v1/me", account.accessToken()));
                }
            }));
        }
        await().until(() -> answers.size() > 20);
        database.cut(); // every connection dropped, as a restart does
        Thread.sleep(1500);
        database.restore();
        int restarted = answers.size();
        await().atMost(Duration.ofSeconds(30)).until(() -> answers.size() > restarted + 60);
        running.set(false);
        for (Thread client : clients) {
            client.join(Duration.ofSeconds(20));
        }
        List<HttpResponse<String>> all = List.copyOf(answers);
        for (HttpResponse<String> answer : all) {
            if (answer.statusCode() != 200) {
                ProblemAssert.assertProblem(answer, 503, "unavailable");
                assertThat(answer.headers().firstValue("Retry-After")).isPresent();
            }
        }
        assertThat(all.subList(all.size() - 40, all.size())).as("every answer once the database is back")
                .allMatch(answer -> answer.statusCode() == 200);
    }

    @Test
    void withTheBucketUnreachableAnUploadIs503StorageUnavailableAndKeepsNothing() throws Exception {
        Api client = node();
        Account account = new TestAccounts(client).user();
        byte[] song = Files.readAllBytes(MediaTools.tone(Files.createTempDirectory("encore-outage-").resolve("outage.mp3"), "Outage Song", 440, 2));
        bucket.cut();
        HttpResponse<String> refused;
        try {
            refused = client.send(Multipart.upload(client, "/api/v1/uploads", account.accessToken(), "outage.mp3",
                    "audio/mpeg", song));
        }
        finally {
            bucket.restore();
        }
        ProblemAssert.assertProblem(refused, 503, "storage-unavailable");
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.body()).doesNotContain("bucket", "127.0.0.1", "Exception");
        assertThat(Api.json(client.get("/api/v1/uploads", account.accessToken())).path("totalItems").asLong())
                .as("nothing kept").isZero();
        assertThat(client.send(Multipart.upload(client, "/api/v1/uploads", account.accessToken(), "outage.mp3",
                "audio/mpeg", song)).statusCode()).as("and it works once the bucket is back").isEqualTo(201);
    }

    @Test
    void withRedisUnreachableTheNodeServesAsDegradedAndProbesAnswerFast() {
        Api probe = node();
        String admin = tokens.admin();
        redis.cut();
        try {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(Api.json(timedProbe(probe))
                    .path("status").asString()).isEqualTo("DEGRADED"));
            HttpResponse<String> ready = timedProbe(probe);
            assertThat(ready.statusCode()).as("still in rotation").isEqualTo(200);
            assertThat(Api.json(probe.get("/readyz", admin)).path("components").path("redis").path("status")
                    .asString()).isEqualTo("DEGRADED");
            for (int probes = 0; probes < 5; probes++) {
                timedProbe(probe);
            }
            Account account = new TestAccounts(new Api(port(node))).user();
            assertThat(new Api(port(node)).get("/api/v1/me", account.accessToken()).statusCode())
                    .as("sign-up, sign-in and requests still work").isEqualTo(200);
            assertThat(degradedGauge(probe, admin)).isEqualTo(1.0);
        }
        finally {
            redis.restore();
        }
        String user = tokens.user();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            probe.get("/api/v1/me", user); // the rate limiter goes back to Redis with the next request it counts
            assertThat(Api.json(timedProbe(probe)).path("status").asString()).isEqualTo("UP");
        });
        assertThat(degradedGauge(probe, admin)).isZero();
    }

    /** A readiness probe, which must answer within a second whatever hangs behind it. */
    private static HttpResponse<String> timedProbe(Api probe) {
        long start = System.nanoTime();
        HttpResponse<String> response = probe.get("/readyz");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("probe answer time").isLessThan(Duration.ofSeconds(1));
        return response;
    }

    private static double degradedGauge(Api api, String admin) {
        Matcher value = Pattern.compile("(?m)^encore_dependency_degraded\\{[^}]*dependency=\"redis\"[^}]*} ([0-9.E+-]+)$")
                .matcher(api.get("/actuator/prometheus", admin).body());
        assertThat(value.find()).as("the redis series of encore_dependency_degraded").isTrue();
        return Double.parseDouble(value.group(1));
    }

    @AfterAll
    static void stopNode() {
        if (node != null) {
            node.close();
        }
        if (database != null) {
            database.close();
            redis.close();
            bucket.close();
        }
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    /** The node behind the proxies, started once for the class: a client of it. */
    private Api node() {
        if (node == null) {
            String url = ServicesProfile.properties().get("spring.datasource.url");
            Matcher host = JDBC_HOST.matcher(url);
            assertThat(host.find()).as(url).isTrue();
            database = new TcpProxy(host.group(1), host.group(2) == null ? 5432 : Integer.parseInt(host.group(2)));
            redis = new TcpProxy(ServicesProfile.properties().get("spring.data.redis.host"), redisPort());
            Map<String, String> services = new LinkedHashMap<>(ServicesProfile.properties());
            services.put("spring.datasource.url", host.replaceFirst("//127.0.0.1:" + database.port() + "/"));
            services.put("spring.data.redis.host", "127.0.0.1");
            services.put("spring.data.redis.port", String.valueOf(redis.port()));
            URI endpoint = URI.create(services.get("encore.storage.s3.endpoint"));
            bucket = new TcpProxy(endpoint.getHost(), endpoint.getPort());
            services.put("encore.storage.s3.endpoint", "http://127.0.0.1:" + bucket.port());
            List<String> args = new ArrayList<>();
            services.forEach((name, value) -> args.add("--" + name + "=" + value));
            args.addAll(List.of("--server.port=0", "--encore.data-dir=" + nodeDataDir,
                    "--encore.security.jwt-secret=" + firstNode.getRequiredProperty("encore.security.jwt-secret"),
                    "--encore.security.secret-box-key=" + firstNode.getRequiredProperty("encore.security.secret-box-key"),
                    "--encore.ratelimit.key-prefix=" + rateLimitKeyPrefix(),
                    "--encore.ratelimit.general.capacity=100000",
                    "--encore.security.trusted-proxies=127.0.0.1/32",
                    "--encore.security.admin-registration-key=" + ADMIN_KEY,
                    "--encore.logging.format=json",
                    "--jobrunr.background-job-server.enabled=false"));
            node = new SpringApplicationBuilder(EncoreApplication.class).profiles("distributed")
                    .run(args.toArray(String[]::new));
        }
        return new Api(port(node));
    }

    private static int redisPort() {
        String port = System.getenv("SPRING_DATA_REDIS_PORT");
        return port == null || port.isBlank() ? 6379 : Integer.parseInt(port);
    }
}
