package dev.encore.packaging;

import static dev.encore.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;

import dev.encore.support.Api;
import dev.encore.support.PackagedJar;
import dev.encore.support.ServicesProfile;
import dev.encore.support.TestAccounts;

/**
 * A new user's first start of the packaged jar on a fresh data directory (and, in the services
 * run, a fresh PostgreSQL database in distributed mode): human-readable log lines without any
 * warning, the generated admin key shown once in a box, the key making exactly one admin even when
 * registrations race, then refused with 403 and a log line; started again with
 * {@code encore.logging.format=json}, the log is ECS JSON and the key is not shown again.
 */
class FirstStartIT {

    private static final Duration START = Duration.ofMinutes(3);
    private static final String REFUSED = "Refused a registration with the admin registration key";

    @TempDir
    Path work;

    private Process process;
    private String database;

    @Test
    void theGeneratedAdminKeyMakesOneAdminAndTheLogsAreCleanInBothFormats() throws Exception {
        int port = PackagedJar.freePort();
        process = start(port, "first.log", "human");
        PackagedJar.awaitLive(process, port, log("first.log"), START);
        String firstStart = PackagedJar.read(log("first.log"));
        String key = generatedKey();
        assertThat(firstStart.lines()).as("human-readable lines").noneMatch(line -> line.startsWith("{"));
        assertThat(warningsAndErrors(firstStart)).as("a clean start warns about nothing").isEmpty();
        assertThat(firstStart.split(java.util.regex.Pattern.quote(key), -1)).as("the key is shown once").hasSize(2);
        assertThat(firstStart).contains("ADMIN REGISTRATION KEY (shown this once)", "+=====");

        List<HttpResponse<String>> answers = registerAtOnce(port, key, 6);
        assertThat(answers.stream().filter(answer -> answer.statusCode() == 201)).as("one admin").hasSize(1);
        answers.stream().filter(answer -> answer.statusCode() != 201)
                .forEach(answer -> assertProblem(answer, 403, "admin-key-spent"));
        HttpResponse<String> admin = answers.stream().filter(answer -> answer.statusCode() == 201).findFirst().orElseThrow();
        assertThat(Api.json(admin).path("roles").valueStream().map(JsonNode::asString)).contains("ADMIN");
        HttpResponse<String> spent = register(port, key);
        assertThat(assertProblem(spent, 403, "admin-key-spent").path("type").asString())
                .as("with no public URL set, links lead back to the port Encore was started on")
                .isEqualTo(dev.encore.support.ProblemAssert.typesAt(spent) + "admin-key-spent");
        assertThat(register(port, null).statusCode()).as("plain registrations go on").isEqualTo(201);
        assertThat(PackagedJar.read(log("first.log"))).contains(REFUSED)
                .contains("The first admin registered with the admin registration key");

        process.destroy();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("exits").isTrue();
        process = start(port, "second.log", "json");
        PackagedJar.awaitLive(process, port, log("second.log"), START);
        assertProblem(register(port, key), 403, "admin-key-spent");
        String secondStart = PackagedJar.read(log("second.log"));
        assertThat(secondStart).doesNotContain(key);
        List<JsonNode> lines = secondStart.lines().map(line -> {
            assertThat(line).as("one JSON object a line").startsWith("{");
            return Api.json(line);
        }).toList();
        assertThat(lines).allSatisfy(line -> assertThat(line.path("@timestamp").asString()).isNotBlank());
        assertThat(lines.stream().filter(line -> !line.path("log").path("level").asString().equals("INFO")))
                .as("a clean start warns about nothing; the refused registration does").isNotEmpty()
                .allSatisfy(line -> assertThat(line.path("message").asString()).contains(REFUSED));
    }

    @AfterEach
    void stop() throws SQLException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
        if (database != null) {
            try (Connection connection = adminConnection(); Statement sql = connection.createStatement()) {
                sql.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
    }

    private static List<String> warningsAndErrors(String log) {
        return log.lines().filter(line -> line.matches("^\\S+\\s+(WARN|ERROR) .*") || line.startsWith("WARNING")
                || line.contains("Exception")).toList();
    }

    private List<HttpResponse<String>> registerAtOnce(int port, String key, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            List<Callable<HttpResponse<String>>> registrations = new ArrayList<>();
            for (int n = 0; n < count; n++) {
                registrations.add(() -> register(port, key));
            }
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : pool.invokeAll(registrations)) {
                answers.add(answer.get());
            }
            return answers;
        }
        finally {
            pool.shutdownNow();
        }
    }

    /** A registration from a client address of its own (trusted proxy), so no rate limit interferes. */
    private static HttpResponse<String> register(int port, String adminKey) {
        String name = TestAccounts.uniqueName();
        return new TestAccounts(new Api(port)).register(name, name + "@example.org", TestAccounts.PASSWORD, adminKey);
    }

    private String generatedKey() throws IOException {
        Properties secrets = new Properties();
        try (Reader reader = Files.newBufferedReader(work.resolve("data/secrets.properties"))) {
            secrets.load(reader);
        }
        return secrets.getProperty("encore.security.admin-registration-key");
    }

    private Process start(int port, String logName, String format) throws IOException, SQLException {
        List<String> command = new ArrayList<>(List.of(PackagedJar.java(), "-jar", PackagedJar.jar().toString(),
                "--server.port=" + port,
                "--encore.data-dir=" + work.resolve("data"),
                "--encore.security.trusted-proxies=127.0.0.1/32",
                "--encore.logging.format=" + format));
        if (ServicesProfile.active()) {
            command.addAll(List.of("--spring.profiles.active=distributed",
                    "--spring.datasource.url=" + freshDatabaseUrl(),
                    "--spring.datasource.username=" + ServicesProfile.properties().get("spring.datasource.username"),
                    "--spring.datasource.password=" + ServicesProfile.properties().get("spring.datasource.password"),
                    "--spring.data.redis.host=" + ServicesProfile.properties().get("spring.data.redis.host"),
                    "--spring.rabbitmq.host=" + ServicesProfile.properties().get("spring.rabbitmq.host"),
                    // one node on its own data directory: nothing else needs to see its blobs
                    "--encore.storage.local.shared=true",
                    "--encore.ratelimit.key-prefix=encore-first-start:" + work.getFileName() + ":"));
        }
        else {
            command.add("--spring.profiles.active=default");
        }
        ProcessBuilder process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log(logName).toFile());
        // a first start on its own: no database the environment of the build names
        process.environment().keySet().removeIf(name -> name.startsWith("SPRING_DATASOURCE_"));
        return process.start();
    }

    /** A new, empty PostgreSQL database beside the services run's one (dropped after the test). */
    private String freshDatabaseUrl() throws SQLException {
        String url = ServicesProfile.properties().get("spring.datasource.url");
        if (database == null) {
            database = "encore_first_start_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            try (Connection connection = adminConnection(); Statement sql = connection.createStatement()) {
                sql.execute("CREATE DATABASE " + database);
            }
        }
        return url.substring(0, url.lastIndexOf('/') + 1) + database;
    }

    private static Connection adminConnection() throws SQLException {
        return DriverManager.getConnection(ServicesProfile.properties().get("spring.datasource.url"),
                ServicesProfile.properties().get("spring.datasource.username"),
                ServicesProfile.properties().get("spring.datasource.password"));
    }

    private Path log(String name) {
        return work.resolve(name);
    }
}
