package dev.encore.audit;

import static dev.encore.support.ProblemAssert.assertInvalidField;
import static dev.encore.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import dev.encore.support.Api;
import dev.encore.support.IntegrationTest;
import dev.encore.support.TestAccounts;

class AuditTrailIT extends IntegrationTest {

    @Autowired
    AuditLog auditLog;

    @Autowired
    DataSource dataSource;

    @Test
    void recordsTheAccountLifecycleWithContextAndNoSecrets() {
        TestAccounts.Account admin = users.admin();
        TestAccounts.Account user = users.user();
        users.login(user.username(), "Wrong-Pass-99");
        JsonNode rotated = Api.json(users.refresh(user.refreshToken()));
        users.refresh(user.refreshToken()); // reuse
        TestAccounts.Account again = users.signIn(user);
        api.send("POST", "/api/v1/me/password", again.accessToken(),
                "{\"currentPassword\":\"" + user.password() + "\",\"newPassword\":\"Changed-Pass-55\"}");
        api.send("PATCH", "/api/v1/admin/users/" + user.id(), admin.accessToken(), "{\"enabled\":false}");
        api.send("POST", "/api/v1/auth/logout", admin.accessToken(), null);
        TestAccounts.Account admin2 = users.admin();

        List<String> expected = List.of("user.registered", "login.succeeded", "login.failed", "refresh.reused",
                "password.changed", "admin.user-updated");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(types(admin2, user.id())).containsAll(expected);
            assertThat(entries(admin2, "type=logout&actor=" + admin.id()).size()).isEqualTo(1);
        });

        String trail = api.get("/api/v1/admin/audit?size=100&actor=" + user.id(), admin2.accessToken()).body()
                + api.get("/api/v1/admin/audit?size=100&type=login.failed", admin2.accessToken()).body();
        assertThat(trail).doesNotContain(user.password(), "Wrong-Pass-99", "Changed-Pass-55", user.refreshToken(),
                rotated.path("refreshToken").asString(), user.accessToken(), "argon2");

        JsonNode login = entries(admin2, "type=login.succeeded&actor=" + user.id()).get(0);
        assertThat(login.path("clientIp").asString()).isEqualTo(api.clientAddress());
        assertThat(login.path("userAgent").asString()).isEqualTo("EncoreTest/1.0");
        assertThat(login.path("requestId").asString()).isNotBlank();
        assertThat(login.path("occurredAt").asString()).isNotBlank();
    }

    @Test
    void recordsThrottlingAndRejectedAdminKeys() {
        TestAccounts.Account admin = users.admin();
        String name = TestAccounts.uniqueName();
        users.register(name, name + "@example.org", TestAccounts.PASSWORD, "wrong-admin-key");
        TestAccounts attacker = new TestAccounts(new Api(port));
        String victim = TestAccounts.uniqueName();
        for (int i = 0; i < 11; i++) {
            attacker.login(victim, "Wrong-Pass-99");
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(entries(admin, "type=registration.admin-key-rejected").valueStream()
                    .map(entry -> entry.path("details").path("username").asString())).contains(name);
            assertThat(entries(admin, "type=login.throttled").valueStream()
                    .map(entry -> entry.path("details").path("identifier").asString())).contains(victim);
        });
        assertThat(api.get("/api/v1/admin/audit?size=100&type=registration.admin-key-rejected", admin.accessToken()).body())
                .doesNotContain("wrong-admin-key");
    }

    @Test
    void aProfileChangeNamesTheFieldsThatChangedAndADeletionKeepsTheUsername() {
        TestAccounts.Account admin = users.admin();
        TestAccounts.Account user = users.user();
        String newEmail = "new-" + user.username() + "@example.org";
        api.send("PATCH", "/api/v1/me", user.accessToken(), "{\"displayName\":\"DJ Shadow\",\"email\":\"" + newEmail + "\"}");
        api.send("PATCH", "/api/v1/me", user.accessToken(), "{\"displayName\":\"DJ Shadow\",\"email\":\"" + newEmail + "\"}");
        assertThat(api.send("DELETE", "/api/v1/me", user.accessToken(), "{\"password\":\"" + user.password() + "\"}")
                .statusCode()).isEqualTo(204);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(entries(admin, "type=user.profile-updated&actor=" + user.id()).valueStream()
                    .map(entry -> entry.path("details").path("fields").asString()))
                    .containsExactlyInAnyOrder("displayName,email", "");
            assertThat(entries(admin, "type=account.deleted&target=" + user.id()).valueStream()
                    .map(entry -> entry.path("details").path("username").asString())).containsExactly(user.username());
        });
        JsonNode changed = entries(admin, "type=user.profile-updated&actor=" + user.id()).valueStream()
                .filter(entry -> !entry.path("details").path("fields").asString().isEmpty()).findFirst().orElseThrow();
        assertThat(changed.path("details").path("displayName").asString()).isEqualTo("DJ Shadow");
        assertThat(changed.path("details").toString()).as("field names, not the address").doesNotContain(newEmail);
    }

    @Test
    void filtersByTimeRangeAndPages() {
        TestAccounts.Account admin = users.admin();
        Instant before = Instant.now().minusSeconds(1);
        users.user();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(entries(admin, "type=user.registered&from=" + before).size()).isPositive());
        assertThat(entries(admin, "type=user.registered&to=" + before.minusSeconds(3600 * 24 * 365)).size()).isZero();
        JsonNode page = Api.json(api.get("/api/v1/admin/audit?size=1", admin.accessToken()));
        assertThat(page.path("items").size()).isEqualTo(1);
        assertThat(page.path("hasNext").asBoolean()).isTrue();
        assertProblem(api.get("/api/v1/admin/audit?from=yesterday", admin.accessToken()), 400, "validation-failed");
        assertProblem(api.get("/api/v1/admin/audit?type=DROP%20TABLE", admin.accessToken()), 400, "validation-failed");
    }

    @Test
    void timesPastTheYear9999AreRefusedNamingTheParameter() {
        TestAccounts.Account admin = users.admin();
        for (String far : List.of("%2B999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z",
                "%2B300000000-01-01T00:00:00Z", "%2B10000-01-01T00:00:00Z", "-0001-12-31T23:59:59Z")) {
            for (String parameter : List.of("from", "to")) {
                assertInvalidField(api.get("/api/v1/admin/audit?" + parameter + "=" + far, admin.accessToken()),
                        parameter);
            }
        }
        // the bounds themselves are times like any other
        assertThat(entries(admin, "from=0001-01-01T00:00:00Z&to=9999-12-31T23:59:59Z").size()).isPositive();
        assertThat(entries(admin, "from=9999-12-31T23:59:59Z").size()).isZero();
    }

    @Test
    void onlyAdminsReadTheTrail() {
        TestAccounts.Account user = users.user();
        assertProblem(api.get("/api/v1/admin/audit", user.accessToken()), 403, "forbidden");
    }

    @Test
    void retentionRunsAsARecurringJob() {
        Integer registered = new JdbcTemplate(dataSource).queryForObject(
                "select count(*) from jobrunr_recurring_jobs where id = ?", Integer.class, "audit-retention");
        assertThat(registered).isEqualTo(1);
    }

    @Test
    void retentionDeletesOnlyExpiredEntries() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        UUID old = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        String insert = "insert into audit_entries (id, type, occurred_at, details) values (?, 'test.entry', ?, '{}')";
        jdbc.update(insert, old, java.sql.Timestamp.from(Instant.now().minus(Duration.ofDays(181))));
        jdbc.update(insert, recent, java.sql.Timestamp.from(Instant.now().minus(Duration.ofDays(179))));
        assertThat(auditLog.purgeExpired()).isPositive();
        String count = "select count(*) from audit_entries where id = ?";
        assertThat(jdbc.queryForObject(count, Integer.class, old)).isZero();
        assertThat(jdbc.queryForObject(count, Integer.class, recent)).isEqualTo(1);
    }

    private List<String> types(TestAccounts.Account admin, String userId) {
        return java.util.stream.Stream.concat(entries(admin, "actor=" + userId).valueStream(),
                entries(admin, "target=" + userId).valueStream()).map(entry -> entry.path("type").asString()).toList();
    }

    private JsonNode entries(TestAccounts.Account admin, String query) {
        var response = api.get("/api/v1/admin/audit?size=100&" + query, admin.accessToken());
        return Api.json(response).path("items");
    }
}
