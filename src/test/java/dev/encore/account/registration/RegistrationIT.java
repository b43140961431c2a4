package dev.encore.account.registration;

import static dev.encore.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import dev.encore.support.Api;
import dev.encore.support.IntegrationTest;
import dev.encore.support.TestAccounts;

class RegistrationIT extends IntegrationTest {

    @Test
    void registersAnAccountWithoutRevealingAnyHash() {
        String name = TestAccounts.uniqueName();
        HttpResponse<String> response = users.register(name, name.toUpperCase() + "@Example.ORG", TestAccounts.PASSWORD, null);
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).startsWith("/api/v1/admin/users/"));
        JsonNode user = Api.json(response);
        assertThat(user.path("username").asString()).isEqualTo(name);
        assertThat(user.path("email").asString()).isEqualTo(name + "@example.org");
        assertThat(user.path("roles").valueStream().map(JsonNode::asString)).containsExactly("USER");
        assertThat(response.body()).doesNotContain("argon2", "hash", TestAccounts.PASSWORD);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "Sh0rt!      | must be 8 to 128 characters long",
            "lowercase42 | must contain an upper-case letter",
            "UPPERCASE42 | must contain a lower-case letter",
            "NoDigitsHere | must contain a digit",
            "Password1   | is too common",
            "Qwerty123   | is too common" })
    void refusesPasswordsThatBreakAPolicyRule(String password, String message) {
        String name = TestAccounts.uniqueName();
        JsonNode problem = assertProblem(users.register(name, name + "@example.org", password, null), 400,
                "validation-failed");
        assertThat(problem.path("errors").valueStream())
                .anySatisfy(error -> {
                    assertThat(error.path("field").asString()).isEqualTo("password");
                    assertThat(error.path("message").asString()).isEqualTo(message);
                });
        assertThat(users.login(name, password).statusCode()).isEqualTo(401);
    }

    @Test
    void refusesAPasswordContainingTheUsername() {
        String name = TestAccounts.uniqueName();
        JsonNode problem = assertProblem(users.register(name, name + "@example.org", "X9" + name.toUpperCase() + "y", null),
                400, "validation-failed");
        assertThat(problem.path("errors").get(0).path("message").asString()).isEqualTo("must not contain the username");
    }

    @Test
    void reportsEveryInvalidFieldOfARegistrationInOneAnswer() {
        JsonNode problem = assertProblem(users.register("ab", "not-an-email", "lowercase", null), 400,
                "validation-failed");
        assertThat(problem.path("errors").valueStream().map(error -> error.path("field").asString()))
                .contains("username", "email", "password");
        assertThat(problem.path("errors").valueStream().filter(error -> error.path("field").asString().equals("password"))
                .map(error -> error.path("message").asString()))
                .as("the policy's rules next to the annotations', each once")
                .contains("must contain an upper-case letter", "must contain a digit").doesNotHaveDuplicates();

        String name = TestAccounts.uniqueName();
        JsonNode policyOnly = assertProblem(users.register("x y", name + "@example.org", "no-upper-case-1", null), 400,
                "validation-failed");
        assertThat(policyOnly.path("errors").valueStream().map(error -> error.path("field").asString()))
                .containsExactlyInAnyOrder("username", "password");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "username | ab",
            "username | has space",
            "username | dash-not-allowed",
            "email    | not-an-email" })
    void refusesMalformedFields(String field, String value) {
        String name = TestAccounts.uniqueName();
        HttpResponse<String> response = field.equals("username")
                ? users.register(value, name + "@example.org", TestAccounts.PASSWORD, null)
                : users.register(name, value, TestAccounts.PASSWORD, null);
        JsonNode problem = assertProblem(response, 400, "validation-failed");
        assertThat(problem.path("errors").valueStream().map(error -> error.path("field").asString())).contains(field);
    }

    @Test
    void refusesTooLongUsernameAndDisplayName() {
        String json = "{\"username\":\"" + "a".repeat(51) + "\",\"email\":\"x@example.org\",\"password\":\""
                + TestAccounts.PASSWORD + "\",\"displayName\":\"" + "d".repeat(101) + "\"}";
        JsonNode problem = assertProblem(api.send(api.request("/api/v1/auth/register")
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(json))), 400, "validation-failed");
        assertThat(problem.path("errors").valueStream().map(error -> error.path("field").asString()))
                .contains("username", "displayName");
    }

    @ParameterizedTest(name = "U+{0}")
    @CsvSource({ "200B", "200D", "2060", "FEFF", "3164", "202E", "2066" })
    void refusesInvisibleCharactersInTheEmailAndDisplayNameAndCreatesNothing(String codePoint) {
        String name = TestAccounts.uniqueName();
        String json = "{\"username\":\"" + name + "\",\"email\":\"" + name + "\\u" + codePoint
                + "@example.org\",\"password\":\"" + TestAccounts.PASSWORD + "\",\"displayName\":\"DJ\\u" + codePoint
                + "Shadow\"}";
        JsonNode problem = assertProblem(api.send(api.request("/api/v1/auth/register")
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(json))), 400, "validation-failed");
        assertThat(problem.path("errors").valueStream().map(error -> error.path("field").asString()))
                .contains("email", "displayName");
        assertThat(users.login(name, TestAccounts.PASSWORD).statusCode()).isEqualTo(401);
    }

    @Test
    void usernamesAreUniqueIgnoringCase() {
        String name = TestAccounts.uniqueName();
        assertThat(users.register(name, name + "@example.org", TestAccounts.PASSWORD, null).statusCode()).isEqualTo(201);
        JsonNode problem = assertProblem(users.register(name.toUpperCase(), "other-" + name + "@example.org",
                TestAccounts.PASSWORD, null), 409, "account-exists");
        assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("username");
    }

    @Test
    void emailsAreUniqueIgnoringCase() {
        String name = TestAccounts.uniqueName();
        assertThat(users.register(name, name + "@example.org", TestAccounts.PASSWORD, null).statusCode()).isEqualTo(201);
        JsonNode problem = assertProblem(users.register(name + "x", name.toUpperCase() + "@EXAMPLE.org",
                TestAccounts.PASSWORD, null), 409, "account-exists");
        assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("email");
    }

    /** The test application allows 20 per client (encore.ratelimit.limits.registration.capacity; 10 by default). */
    @Test
    void registrationsAreLimitedPerClientAndMalformedOnesDoNotCount() {
        TestAccounts client = new TestAccounts(new Api(port));
        for (int i = 0; i < 20; i++) { // and 5 malformed ones: the general limit of 40 per client stays far
            if (i % 4 == 0) {
                assertThat(client.register("x y", "not-an-email", "short", null).statusCode()).isEqualTo(400);
            }
            String name = TestAccounts.uniqueName();
            assertThat(client.register(name, name + "@example.org", TestAccounts.PASSWORD, null).statusCode())
                    .isEqualTo(201);
        }
        String name = TestAccounts.uniqueName();
        HttpResponse<String> limited = client.register(name, name + "@example.org", TestAccounts.PASSWORD, null);
        assertProblem(limited, 429, "rate-limited");
        assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow())).isPositive();
        assertThat(limited.headers().firstValue("RateLimit-Remaining")).hasValue("0");
        assertThat(users.login(name, TestAccounts.PASSWORD).statusCode()).as("nothing registered").isEqualTo(401);
        assertThat(new TestAccounts(new Api(port)).register(name, name + "@example.org", TestAccounts.PASSWORD, null)
                .statusCode()).as("another client registers on").isEqualTo(201);
    }

    @Test
    void theAdminKeyMakesAnAdmin() {
        String name = TestAccounts.uniqueName();
        HttpResponse<String> response = users.register(name, name + "@example.org", TestAccounts.PASSWORD, ADMIN_KEY);
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(Api.json(response).path("roles").valueStream().map(JsonNode::asString)).contains("ADMIN");
    }

    @Test
    void aWrongAdminKeyIsForbiddenAndCreatesNothing() {
        String name = TestAccounts.uniqueName();
        assertProblem(users.register(name, name + "@example.org", TestAccounts.PASSWORD, "wrong-key"), 403,
                "invalid-admin-key");
        assertThat(users.login(name, TestAccounts.PASSWORD).statusCode()).isEqualTo(401);
    }
}
