package dev.encore.account.admin;

import static dev.encore.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.encore.account.mfa.TotpCodes;
import dev.encore.support.Api;
import dev.encore.support.IntegrationTest;
import dev.encore.support.TestAccounts;

class AdminUsersIT extends IntegrationTest {

    @Test
    void nonAdminsAreForbidden() {
        TestAccounts.Account user = users.user();
        assertProblem(api.get("/api/v1/admin/users", user.accessToken()), 403, "forbidden");
        assertProblem(api.send("PATCH", "/api/v1/admin/users/" + user.id(), user.accessToken(), "{\"roles\":[\"USER\",\"ADMIN\"]}"),
                403, "forbidden");
        assertProblem(api.get("/api/v1/admin/users"), 401, "unauthenticated");
    }

    @Test
    void theAdminPathIsForAdminsEvenWhereNoControllerChecks() {
        TestAccounts.Account user = users.user();
        // no controller answers here: only the security configuration's rule for /api/v1/admin/** refuses
        assertProblem(api.get("/api/v1/admin/no-such-thing", user.accessToken()), 403, "forbidden");
        assertProblem(api.get("/api/v1/admin/no-such-thing", users.admin().accessToken()), 404, "not-found");
    }

    @Test
    void searchesAccountsByUsernameOrEmailWithPaging() {
        TestAccounts.Account admin = users.admin();
        TestAccounts.Account target = users.user();
        JsonNode page = Api.json(api.get("/api/v1/admin/users?q=" + target.username().toUpperCase(), admin.accessToken()));
        assertThat(page.path("totalItems").asLong()).isEqualTo(1);
        assertThat(page.path("items").get(0).path("id").asString()).isEqualTo(target.id());
        assertThat(page.path("items").get(0).has("passwordHash")).isFalse();

        JsonNode firstPage = Api.json(api.get("/api/v1/admin/users?size=1&sort=createdAt,desc", admin.accessToken()));
        assertThat(firstPage.path("items").size()).isEqualTo(1);
        assertThat(firstPage.path("hasNext").asBoolean()).isTrue();
        assertProblem(api.get("/api/v1/admin/users?sort=passwordHash", admin.accessToken()), 400, "validation-failed");
        assertThat(Api.json(api.get("/api/v1/admin/users?q=%25", admin.accessToken())).path("totalItems").asLong())
                .as("% is a character to search for, not a wildcard").isZero();
    }

    @Test
    void disablingLocksTheUserOutAtOnceAndEnablingLetsThemBackIn() {
        TestAccounts.Account admin = users.admin();
        TestAccounts.Account target = users.user();
        HttpResponse<String> disabled = api.send("PATCH", "/api/v1/admin/users/" + target.id(), admin.accessToken(),
                "{\"enabled\":false}");
        assertThat(disabled.statusCode()).isEqualTo(200);
        assertThat(Api.json(disabled).path("enabled").asBoolean()).isFalse();

        assertThat(api.get("/api/v1/me", target.accessToken()).statusCode()).isEqualTo(401);
        assertThat(users.refresh(target.refreshToken()).statusCode()).isEqualTo(401);
        assertProblem(new TestAccounts(new Api(port)).login(target.username(), target.password()), 403, "account-disabled");

        api.send("PATCH", "/api/v1/admin/users/" + target.id(), admin.accessToken(), "{\"enabled\":true}");
        assertThat(new TestAccounts(new Api(port)).login(target.username(), target.password()).statusCode()).isEqualTo(200);
    }

    @Test
    void anAdminResetsAnotherAccountsSecondFactorEndingItsSessions() {
        TestAccounts.Account admin = users.admin();
        TestAccounts.Account target = users.user();
        String secret = Api.json(api.send("POST", "/api/v1/me/mfa/totp", target.accessToken(),
                "{\"password\":\"" + target.password() + "\"}")).path("secret").asString();
        assertThat(api.send("POST", "/api/v1/me/mfa/totp/confirm", target.accessToken(),
                "{\"code\":\"" + TotpCodes.now(secret, 0) + "\"}").statusCode()).isEqualTo(200);
        assertProblem(new TestAccounts(new Api(port)).login(target.username(), target.password()), 401, "mfa-required");

        assertProblem(api.send("DELETE", "/api/v1/admin/users/" + admin.id() + "/mfa", target.accessToken(), null), 403,
                "forbidden");
        HttpResponse<String> reset = api.send("DELETE", "/api/v1/admin/users/" + target.id() + "/mfa",
                admin.accessToken(), null);
        assertThat(reset.statusCode()).as(reset.body()).isEqualTo(204);

        assertThat(api.get("/api/v1/me", target.accessToken()).statusCode()).as("sessions ended").isEqualTo(401);
        assertThat(users.refresh(target.refreshToken()).statusCode()).isEqualTo(401);
        assertThat(new TestAccounts(new Api(port)).login(target.username(), target.password()).statusCode())
                .as("the password alone signs in now").isEqualTo(200);
        assertProblem(api.send("DELETE", "/api/v1/admin/users/" + target.id() + "/mfa", admin.accessToken(), null), 409,
                "mfa-not-enabled");
        assertProblem(api.send("DELETE", "/api/v1/admin/users/" + java.util.UUID.randomUUID() + "/mfa",
                admin.accessToken(), null), 404, "not-found");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                Api.json(api.get("/api/v1/admin/audit?type=admin.mfa-reset&target=" + target.id(), admin.accessToken()))
                        .path("items").valueStream().map(entry -> entry.path("actorId").asString()))
                .containsExactly(admin.id()));
    }

    @Test
    void anAdminDoesNotResetTheirOwnSecondFactor() {
        TestAccounts.Account admin = users.admin();
        String secret = Api.json(api.send("POST", "/api/v1/me/mfa/totp", admin.accessToken(),
                "{\"password\":\"" + admin.password() + "\"}")).path("secret").asString();
        api.send("POST", "/api/v1/me/mfa/totp/confirm", admin.accessToken(), "{\"code\":\"" + TotpCodes.now(secret, 0) + "\"}");
        assertProblem(api.send("DELETE", "/api/v1/admin/users/" + admin.id() + "/mfa", admin.accessToken(), null), 409,
                "own-second-factor");
        assertThat(Api.json(api.get("/api/v1/me", admin.accessToken())).path("mfaEnabled").asBoolean()).isTrue();
    }

    @Test
    void changesRoles() {
        TestAccounts.Account admin = users.admin();
        TestAccounts.Account target = users.user();
        JsonNode promoted = Api.json(api.send("PATCH", "/api/v1/admin/users/" + target.id(), admin.accessToken(),
                "{\"roles\":[\"USER\",\"ADMIN\"]}"));
        assertThat(promoted.path("roles").valueStream().map(JsonNode::asString)).contains("ADMIN");
        TestAccounts.Account again = users.signIn(target);
        assertThat(api.get("/api/v1/admin/users", again.accessToken()).statusCode()).isEqualTo(200);
        assertProblem(api.send("PATCH", "/api/v1/admin/users/" + target.id(), admin.accessToken(), "{\"roles\":[\"ROOT\"]}"),
                400, "validation-failed");
        assertProblem(api.send("PATCH", "/api/v1/admin/users/00000000-0000-0000-0000-000000000000", admin.accessToken(),
                "{\"enabled\":true}"), 404, "not-found");
    }

    @Test
    void takingTheAdminRoleAwayEndsTheSessionsWhoseTokensStillSayAdmin() {
        TestAccounts.Account admin = users.admin();
        TestAccounts.Account target = users.user();
        api.send("PATCH", "/api/v1/admin/users/" + target.id(), admin.accessToken(), "{\"roles\":[\"USER\",\"ADMIN\"]}");
        TestAccounts.Account promoted = users.signIn(target);
        assertThat(api.get("/api/v1/admin/users", promoted.accessToken()).statusCode()).isEqualTo(200);

        assertThat(api.send("PATCH", "/api/v1/admin/users/" + target.id(), admin.accessToken(), "{\"roles\":[\"USER\"]}")
                .statusCode()).isEqualTo(200);
        assertThat(api.send("PATCH", "/api/v1/admin/users/" + target.id(), promoted.accessToken(),
                "{\"roles\":[\"USER\",\"ADMIN\"]}").statusCode()).as("no promoting itself back").isEqualTo(401);
        assertThat(api.get("/api/v1/me", promoted.accessToken()).statusCode()).isEqualTo(401);
        assertThat(users.refresh(promoted.refreshToken()).statusCode()).isEqualTo(401);
        TestAccounts.Account again = users.signIn(target);
        assertProblem(api.get("/api/v1/admin/users", again.accessToken()), 403, "forbidden");
        assertThat(Api.json(api.get("/api/v1/admin/users?q=" + target.username(), admin.accessToken())).path("items")
                .get(0).path("roles").valueStream().map(JsonNode::asString)).containsExactly("USER");
    }

    @Test
    void theLastEnabledAdminCannotBeDemotedOrDisabled() {
        TestAccounts.Account last = users.admin();
        demoteEveryOtherAdmin(last);
        assertProblem(api.send("PATCH", "/api/v1/admin/users/" + last.id(), last.accessToken(), "{\"roles\":[\"USER\"]}"),
                409, "last-admin");
        assertProblem(api.send("PATCH", "/api/v1/admin/users/" + last.id(), last.accessToken(), "{\"enabled\":false}"),
                409, "last-admin");
        assertProblem(api.send("DELETE", "/api/v1/me", last.accessToken(), "{\"password\":\"" + last.password() + "\"}"),
                409, "last-admin");
        assertThat(api.get("/api/v1/admin/users", last.accessToken()).statusCode())
                .as("the refused deletion revoked nothing").isEqualTo(200);
        assertThat(lastAdmin(last, last)).as("the list says which account the API protects").isTrue();
        TestAccounts.Account user = users.user();
        assertThat(lastAdmin(last, user)).isFalse();

        TestAccounts.Account second = users.admin();
        assertThat(lastAdmin(last, last)).isFalse();
        assertThat(lastAdmin(last, second)).isFalse();
        JsonNode demoted = Api.json(api.send("PATCH", "/api/v1/admin/users/" + last.id(), second.accessToken(),
                "{\"roles\":[\"USER\"]}"));
        assertThat(demoted.path("lastAdmin").asBoolean()).isFalse();
        assertThat(lastAdmin(second, second)).as("now the only one").isTrue();
        JsonNode promoted = Api.json(api.send("PATCH", "/api/v1/admin/users/" + user.id(), second.accessToken(),
                "{\"roles\":[\"USER\",\"ADMIN\"]}"));
        assertThat(promoted.path("lastAdmin").asBoolean()).isFalse();
        assertThat(lastAdmin(second, second)).isFalse();
        assertThat(api.send("DELETE", "/api/v1/me", second.accessToken(), "{\"password\":\"" + second.password()
                + "\"}").statusCode()).as("another admin stays: the account may go").isEqualTo(204);
    }

    /** Whether the admin list, as {@code admin} reads it, marks {@code account} as the last enabled admin. */
    private boolean lastAdmin(TestAccounts.Account admin, TestAccounts.Account account) {
        JsonNode found = Api.json(api.get("/api/v1/admin/users?q=" + account.username(), admin.accessToken()));
        assertThat(found.path("items")).hasSize(1);
        return found.path("items").get(0).path("lastAdmin").asBoolean();
    }

    @Test
    void twoLastAdminsStepDownAtOnceAndOneStays() throws Exception {
        TestAccounts.Account first = users.admin();
        TestAccounts.Account second = users.admin();
        demoteEveryOtherAdmin(first, second);
        List<Callable<Integer>> stepDowns = List.of(
                () -> api.send("PATCH", "/api/v1/admin/users/" + first.id(), first.accessToken(),
                        "{\"roles\":[\"USER\"]}").statusCode(),
                () -> api.send("PATCH", "/api/v1/admin/users/" + second.id(), second.accessToken(),
                        "{\"roles\":[\"USER\"]}").statusCode());
        List<Integer> statuses = new ArrayList<>();
        try (ExecutorService admins = Executors.newFixedThreadPool(2)) {
            for (Future<Integer> status : admins.invokeAll(stepDowns)) {
                statuses.add(status.get());
            }
        }
        assertThat(statuses).as("the enabled admins are counted one change at a time: one admin stays")
                .containsExactlyInAnyOrder(200, 409);
    }

    private void demoteEveryOtherAdmin(TestAccounts.Account keep, TestAccounts.Account... alsoKeep) {
        Set<String> kept = new HashSet<>();
        kept.add(keep.id());
        Arrays.stream(alsoKeep).map(TestAccounts.Account::id).forEach(kept::add);
        int page = 0;
        JsonNode result;
        do {
            result = Api.json(api.get("/api/v1/admin/users?size=100&page=" + page++, keep.accessToken()));
            result.path("items").valueStream()
                    .filter(user -> !kept.contains(user.path("id").asString()))
                    .filter(user -> user.path("roles").valueStream().anyMatch(role -> role.asString().equals("ADMIN")))
                    // each from a fresh client address: the services database keeps every earlier run's
                    // admins, more than the test's general limit (40 per client) lets one client change
                    .forEach(user -> assertThat(new Api(port).send("PATCH", "/api/v1/admin/users/"
                            + user.path("id").asString(), keep.accessToken(), "{\"roles\":[\"USER\"]}").statusCode())
                            .isEqualTo(200));
        } while (result.path("hasNext").asBoolean());
    }
}
