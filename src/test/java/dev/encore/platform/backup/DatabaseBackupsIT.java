package dev.encore.platform.backup;

import static dev.encore.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import dev.encore.platform.DiskReserve;
import dev.encore.platform.EncoreProperties;
import dev.encore.support.Api;
import dev.encore.support.IntegrationTest;
import dev.encore.support.ServicesProfile;
import dev.encore.support.TestAccounts;

/**
 * An admin backs the embedded database up while Encore serves, lists and downloads the backup, and
 * the zip opens as an H2 database holding what was there (a restore); members may not, names are
 * never paths, the oldest beyond {@code encore.backup.keep} go, and on PostgreSQL it is pg_dump's job.
 */
class DatabaseBackupsIT extends IntegrationTest {

    @TempDir
    Path work;

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private EncoreProperties encore;
    @Autowired
    private DiskReserve diskReserve;

    @Test
    void anAdminBacksUpTheRunningDatabaseAndTheDownloadOpensWithEverythingInIt() throws Exception {
        assumeFalse(ServicesProfile.active(), "the embedded database only");
        TestAccounts.Account admin = users.admin();
        TestAccounts.Account member = users.user();

        HttpResponse<String> made = api.postJson("/api/v1/admin/backups", "", admin.accessToken());
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        JsonNode backup = Api.json(made);
        String name = backup.path("name").asString();
        assertThat(name).matches("encore-db-\\d{8}-\\d{6}-\\d{3}\\.zip");
        assertThat(backup.path("bytes").asLong()).isPositive();
        assertThat(made.headers().firstValue("Location")).hasValue("/api/v1/admin/backups/" + name);

        JsonNode listed = Api.json(api.get("/api/v1/admin/backups", admin.accessToken()));
        assertThat(listed.path("items").get(0).path("name").asString()).as("newest first").isEqualTo(name);

        HttpResponse<byte[]> zip = api.sendBytes(api.request("/api/v1/admin/backups/" + name)
                .header("Authorization", "Bearer " + admin.accessToken()).GET());
        assertThat(zip.statusCode()).isEqualTo(200);
        assertThat(zip.headers().firstValue("Content-Type")).hasValue("application/zip");
        assertThat(zip.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment", name);
        assertThat(zip.body()).hasSize((int) backup.path("bytes").asLong());

        Path restored = unzip(zip.body(), work.resolve("restored"));
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + restored.resolve("encore")
                + ";MODE=PostgreSQL;IFEXISTS=TRUE;ACCESS_MODE_DATA=r", "sa", "");
                PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM account_users WHERE username IN (?, ?)")) {
            query.setString(1, admin.username());
            query.setString(2, member.username());
            try (ResultSet counted = query.executeQuery()) {
                counted.next();
                assertThat(counted.getInt(1)).as("both accounts made before the backup are in it").isEqualTo(2);
            }
        }

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode audit = Api.json(api.get("/api/v1/admin/audit?type=backup.downloaded&size=100", admin.accessToken()));
            assertThat(audit.path("items").valueStream().filter(entry -> name.equals(entry.path("details").path("name").asString())
                    && admin.id().equals(entry.path("actorId").asString()))).as(audit.toString()).hasSize(1);
            JsonNode created = Api.json(api.get("/api/v1/admin/audit?type=backup.created&size=100", admin.accessToken()));
            assertThat(created.path("items").valueStream().filter(entry -> name.equals(entry.path("details").path("name").asString())
                    && admin.id().equals(entry.path("actorId").asString()))).as(created.toString()).hasSize(1);
        });
    }

    @Test
    void aDownloadAnswersRangesAndRefusesAnUnservableOneWithAProblemNotTheWholeFile() {
        assumeFalse(ServicesProfile.active(), "the embedded database only");
        TestAccounts.Account admin = users.admin();
        JsonNode backup = Api.json(api.postJson("/api/v1/admin/backups", "", admin.accessToken()));
        String name = backup.path("name").asString();
        long bytes = backup.path("bytes").asLong();

        HttpResponse<byte[]> part = api.sendBytes(api.request("/api/v1/admin/backups/" + name)
                .header("Authorization", "Bearer " + admin.accessToken()).header("Range", "bytes=0-9").GET());
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.headers().firstValue("Content-Range")).hasValue("bytes 0-9/" + bytes);
        assertThat(part.body()).hasSize(10).startsWith('P', 'K');

        for (String range : List.of("bytes=" + bytes + "-", "bytes=x", "bytes=" + (bytes + 100) + "-" + (bytes + 200))) {
            HttpResponse<String> refused = api.send(api.request("/api/v1/admin/backups/" + name)
                    .header("Authorization", "Bearer " + admin.accessToken()).header("Range", range).GET());
            assertProblem(refused, 416, "range-not-satisfiable");
            assertThat(refused.headers().firstValue("Content-Range")).as(range).hasValue("bytes */" + bytes);
            assertThat(refused.body()).as(range).doesNotContain("PK");
        }
    }

    @Test
    void membersMayNotAndNamesAreNeverPaths() {
        assumeFalse(ServicesProfile.active(), "the embedded database only");
        TestAccounts.Account admin = users.admin();
        TestAccounts.Account member = users.user();

        assertProblem(api.postJson("/api/v1/admin/backups", "", member.accessToken()), 403, "forbidden");
        assertProblem(api.get("/api/v1/admin/backups", member.accessToken()), 403, "forbidden");
        assertProblem(api.get("/api/v1/admin/backups"), 401, "unauthenticated");
        for (String name : List.of("encore-db-20260101-000000-000.zip", "secrets.properties", "..%2Fsecrets.properties",
                "%2E%2E", "encore-db-20260101-000000-000.zip%00")) {
            HttpResponse<String> answer = api.get("/api/v1/admin/backups/" + name, admin.accessToken());
            assertThat(answer.statusCode()).as(name).isIn(400, 404);
            assertThat(answer.headers().firstValue("Content-Type").orElse("")).as(name).startsWith("application/problem+json");
            assertThat(answer.body()).doesNotContain("jwt-secret");
        }
    }

    @Test
    void theOldestBeyondKeepAreDeleted() throws Exception {
        assumeFalse(ServicesProfile.active(), "the embedded database only");
        SteppedClock clock = new SteppedClock(DatabaseBackups.FRESH.plusMinutes(1)); // each past the fresh time
        DatabaseBackups backups = new DatabaseBackups(jdbc, new BackupProperties(true, "30 2 * * *", 2, work.resolve("kept")),
                encore, diskReserve, clock);

        List<String> made = new ArrayList<>();
        for (int n = 0; n < 3; n++) {
            made.add(backups.create().name());
        }

        assertThat(backups.list()).extracting(DatabaseBackups.DatabaseBackup::name)
                .containsExactly(made.get(2), made.get(1));
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(work.resolve("kept"))))
                .as("a backup holds every password hash").isEqualTo("rwx------");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(work.resolve("kept").resolve(made.get(2))))).isEqualTo("rw-------");
        try (var files = Files.list(work.resolve("kept"))) {
            assertThat(files.map(file -> file.getFileName().toString())).as("no partial file left")
                    .containsExactlyInAnyOrder(made.get(2), made.get(1));
        }
    }

    @Test
    void aBackupJustMadeIsNeverPrunedByTheOnesMadeRightAfterIt() throws Exception {
        assumeFalse(ServicesProfile.active(), "the embedded database only");
        SteppedClock clock = new SteppedClock(Duration.ofMillis(1)); // names carry milliseconds
        DatabaseBackups backups = new DatabaseBackups(jdbc, new BackupProperties(true, "30 2 * * *", 1, work.resolve("burst")),
                encore, diskReserve, clock);

        List<Future<DatabaseBackups.DatabaseBackup>> answers = new ArrayList<>();
        try (ExecutorService admins = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int n = 0; n < 4; n++) {
                answers.add(admins.submit(backups::create));
            }
        }
        List<String> named = new ArrayList<>();
        for (Future<DatabaseBackups.DatabaseBackup> answer : answers) {
            named.add(answer.get().name());
        }
        assertThat(backups.list()).extracting(DatabaseBackups.DatabaseBackup::name).as("keep is 1, but each was just made")
                .containsExactlyInAnyOrderElementsOf(named);

        clock.jump(DatabaseBackups.FRESH.plusMinutes(1));
        String later = backups.create().name();
        assertThat(backups.list()).extracting(DatabaseBackups.DatabaseBackup::name).as("once no longer fresh, keep rules")
                .containsExactly(later);
    }

    @Test
    void anAdminMakesFiveBackupsAnHourAndTheSixthIsRateLimited() {
        assumeFalse(ServicesProfile.active(), "the embedded database only");
        TestAccounts.Account admin = users.admin();
        for (int n = 0; n < 5; n++) {
            assertThat(api.postJson("/api/v1/admin/backups", "", admin.accessToken()).statusCode()).isEqualTo(201);
        }
        HttpResponse<String> sixth = api.postJson("/api/v1/admin/backups", "", admin.accessToken());
        assertProblem(sixth, 429, "rate-limited");
        assertThat(sixth.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void onPostgreSqlItIsPgDumpsJob() {
        assumeTrue(ServicesProfile.active(), "the services run");
        TestAccounts.Account admin = users.admin();

        assertProblem(api.postJson("/api/v1/admin/backups", "", admin.accessToken()), 409, "backups-external");
        assertProblem(api.get("/api/v1/admin/backups", admin.accessToken()), 409, "backups-external");
    }

    /** A clock that moves on by {@code step} each time it is read, and jumps when told. */
    private static final class SteppedClock extends Clock {

        private final Duration step;
        private Instant now = Instant.parse("2026-03-01T02:30:00Z");

        SteppedClock(Duration step) {
            this.step = step;
        }

        synchronized void jump(Duration by) {
            now = now.plus(by);
        }

        @Override
        public synchronized Instant instant() {
            now = now.plus(step);
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    private static Path unzip(byte[] zip, Path dir) throws IOException {
        Files.createDirectories(dir);
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null;) {
                Path target = dir.resolve(entry.getName()).normalize();
                assertThat(target.startsWith(dir)).as(entry.getName()).isTrue();
                Files.copy(in, target);
                break; // H2 writes the one database file
            }
        }
        assertThat(dir.resolve("encore.mv.db")).exists();
        return dir;
    }
}
