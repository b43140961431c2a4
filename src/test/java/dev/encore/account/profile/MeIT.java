package dev.encore.account.profile;

import static dev.encore.support.ProblemAssert.assertInvalidField;
import static dev.encore.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.encore.support.Api;
import dev.encore.support.IntegrationTest;
import dev.encore.support.TestAccounts;

class MeIT extends IntegrationTest {

    @Test
    void showsAndUpdatesMyProfile() {
        TestAccounts.Account me = users.user();
        JsonNode shown = Api.json(api.get("/api/v1/me", me.accessToken()));
        assertThat(shown.path("username").asString()).isEqualTo(me.username());
        assertThat(shown.path("mfaEnabled").asBoolean()).isFalse();

        HttpResponse<String> updated = api.send("PATCH", "/api/v1/me", me.accessToken(),
                "{\"displayName\":\"DJ Test\",\"email\":\"NEW-" + me.email() + "\"}");
        assertThat(updated.statusCode()).isEqualTo(200);
        assertThat(Api.json(updated).path("displayName").asString()).isEqualTo("DJ Test");
        assertThat(Api.json(updated).path("email").asString()).isEqualTo("new-" + me.email());
    }

    @Test
    void aDisplayNameIsCountedInCharactersNotUtf16Units() {
        TestAccounts.Account me = users.user();
        String notes = "\uD83C\uDFB5".repeat(100); // 100 characters, 200 UTF-16 units (which @Size and H2 count)
        HttpResponse<String> updated = api.send("PATCH", "/api/v1/me", me.accessToken(), "{\"displayName\":\"" + notes + "\"}");
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        assertThat(Api.json(api.get("/api/v1/me", me.accessToken())).path("displayName").asString()).isEqualTo(notes);
        assertInvalidField(api.send("PATCH", "/api/v1/me", me.accessToken(), "{\"displayName\":\"" + notes
                + "\uD83C\uDFB5\"}"), "displayName");
    }

    @Test
    void refusesAnEmailOfAnotherAccountAndBadValues() {
        TestAccounts.Account me = users.user();
        TestAccounts.Account other = users.user();
        assertProblem(api.send("PATCH", "/api/v1/me", me.accessToken(), "{\"email\":\"" + other.email().toUpperCase() + "\"}"),
                409, "account-exists");
        assertProblem(api.send("PATCH", "/api/v1/me", me.accessToken(), "{\"email\":\"nope\"}"), 400, "validation-failed");
        assertProblem(api.send("PATCH", "/api/v1/me", me.accessToken(), "{\"displayName\":\"" + "x".repeat(101) + "\"}"),
                400, "validation-failed");
    }

    @Test
    void changingThePasswordNeedsTheCurrentOneAndSignsOutOtherSessions() {
        TestAccounts.Account phone = users.user();
        TestAccounts.Account laptop = users.signIn(phone);

        JsonNode wrong = assertProblem(api.send("POST", "/api/v1/me/password", laptop.accessToken(),
                "{\"currentPassword\":\"Not-The-One-1\",\"newPassword\":\"Brand-New-Pass-7\"}"), 400, "validation-failed");
        assertThat(wrong.path("errors").get(0).path("field").asString()).isEqualTo("currentPassword");
        JsonNode weak = assertProblem(api.send("POST", "/api/v1/me/password", laptop.accessToken(),
                "{\"currentPassword\":\"" + TestAccounts.PASSWORD + "\",\"newPassword\":\"password\"}"), 400,
                "validation-failed");
        assertThat(weak.path("errors").get(0).path("field").asString()).isEqualTo("newPassword");
        JsonNode both = assertProblem(api.send("POST", "/api/v1/me/password", laptop.accessToken(),
                "{\"currentPassword\":\"\",\"newPassword\":\"X1" + phone.username() + "\"}"), 400, "validation-failed");
        assertThat(both.path("errors").valueStream().map(error -> error.path("field").asString() + ": "
                + error.path("message").asString()))
                .contains("newPassword: must not contain the username").anyMatch(error -> error.startsWith("currentPassword"));

        assertThat(api.send("POST", "/api/v1/me/password", laptop.accessToken(), "{\"currentPassword\":\""
                + TestAccounts.PASSWORD + "\",\"newPassword\":\"Brand-New-Pass-7\"}").statusCode()).isEqualTo(204);

        assertThat(api.get("/api/v1/me", laptop.accessToken()).statusCode()).isEqualTo(200);
        assertThat(api.get("/api/v1/me", phone.accessToken()).statusCode()).isEqualTo(401);
        assertThat(users.refresh(phone.refreshToken()).statusCode()).isEqualTo(401);
        assertThat(users.login(phone.username(), TestAccounts.PASSWORD).statusCode()).isEqualTo(401);
        assertThat(users.login(phone.username(), "Brand-New-Pass-7").statusCode()).isEqualTo(200);
    }

    @Test
    void deletingMyAccountNeedsThePasswordAndEndsEverything() {
        TestAccounts.Account me = users.user();
        assertProblem(api.send("DELETE", "/api/v1/me", me.accessToken(), "{\"password\":\"Wrong-Pass-99\"}"), 400,
                "validation-failed");
        assertThat(api.send("DELETE", "/api/v1/me", me.accessToken(), "{\"password\":\"" + me.password() + "\"}")
                .statusCode()).isEqualTo(204);
        assertThat(api.get("/api/v1/me", me.accessToken()).statusCode()).isEqualTo(401);
        assertThat(users.login(me.username(), me.password()).statusCode()).isEqualTo(401);
        assertThat(users.register(me.username(), me.email(), me.password(), null).statusCode())
                .as("the name is free again").isEqualTo(201);
        TestAccounts.Account admin = users.admin();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                Api.json(api.get("/api/v1/admin/audit?type=account.deleted&actor=" + me.id(), admin.accessToken()))
                        .path("totalItems").asLong()).isEqualTo(1));
    }
}
