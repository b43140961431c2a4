package dev.encore.account.signin;

import static dev.encore.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import tools.jackson.databind.JsonNode;

import dev.encore.support.Api;
import dev.encore.support.IntegrationTest;
import dev.encore.support.TestAccounts;

class LoginIT extends IntegrationTest {

    /** "Crème-Brûlée-42" with each accent typed as a combining character (NFD), and precomposed (NFC). */
    private static final String DECOMPOSED = "Cre\u0300me-Bru\u0302le\u0301e-42";
    private static final String COMPOSED = "Cr\u00E8me-Br\u00FBl\u00E9e-42";

    @Autowired
    DataSource dataSource;

    @Test
    void aPasswordIsTheSameHoweverItsAccentsAreTyped() {
        String name = TestAccounts.uniqueName();
        assertThat(users.register(name, name + "@example.org", DECOMPOSED, null).statusCode()).isEqualTo(201);
        assertThat(users.login(name, COMPOSED).statusCode()).isEqualTo(200);
        assertThat(users.login(name, DECOMPOSED).statusCode()).isEqualTo(200);
    }

    @Test
    void aPasswordHashedAsTypedBeforeNormalisationStillSignsInAndIsHashedAgainInNormalFormC() {
        TestAccounts.Account account = users.user();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        String legacy = "{argon2}" + Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8().encode(DECOMPOSED);
        jdbc.update("update account_users set password_hash = ? where id = ?", legacy, UUID.fromString(account.id()));
        assertThat(users.login(account.username(), COMPOSED).statusCode()).as("the old hash holds the typed form")
                .isEqualTo(401);

        assertThat(users.login(account.username(), DECOMPOSED).statusCode()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select password_hash from account_users where id = ?", String.class,
                UUID.fromString(account.id()))).as("hashed again").isNotEqualTo(legacy);
        assertThat(users.login(account.username(), COMPOSED).statusCode()).as("now in normal form C").isEqualTo(200);
        assertThat(users.login(account.username(), DECOMPOSED).statusCode()).isEqualTo(200);
    }

    @Test
    void logsInByUsernameOrEmailIgnoringCase() {
        TestAccounts.Account account = users.user();
        assertThat(users.login(account.username().toUpperCase(), account.password()).statusCode()).isEqualTo(200);
        HttpResponse<String> byEmail = users.login(account.email().toUpperCase(), account.password());
        assertThat(byEmail.statusCode()).isEqualTo(200);
        JsonNode body = Api.json(byEmail);
        assertThat(body.path("tokenType").asString()).isEqualTo("Bearer");
        assertThat(body.path("expiresIn").asInt()).isEqualTo(900);
        assertThat(body.path("refreshToken").asString()).hasSizeGreaterThanOrEqualTo(43);
        assertThat(api.get("/api/v1/me", body.path("accessToken").asString()).statusCode()).isEqualTo(200);
    }

    @Test
    void accessTokenCarriesSubjectRolesSessionAndIdForFifteenMinutes() {
        TestAccounts.Account account = users.admin();
        JsonNode claims = Api.json(new String(Base64.getUrlDecoder().decode(account.accessToken().split("\\.")[1])));
        assertThat(claims.path("sub").asString()).isEqualTo(account.id());
        assertThat(claims.path("roles").valueStream().map(JsonNode::asString)).containsExactlyInAnyOrder("USER", "ADMIN");
        assertThat(claims.path("sid").asString()).isEqualTo(account.sessionId());
        assertThat(claims.path("jti").asString()).isNotBlank();
        assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isEqualTo(900);
    }

    @Test
    void unknownAccountAndWrongPasswordGetTheSameAnswer() {
        TestAccounts.Account account = users.user();
        JsonNode wrongPassword = assertProblem(users.login(account.username(), "Wrong-Pass-99"), 401, "invalid-credentials");
        JsonNode unknown = assertProblem(users.login(TestAccounts.uniqueName(), "Wrong-Pass-99"), 401, "invalid-credentials");
        assertThat(wrongPassword.path("detail")).isEqualTo(unknown.path("detail"));
        assertThat(wrongPassword.path("title")).isEqualTo(unknown.path("title"));
    }

    @Test
    void unknownAccountAndWrongPasswordTakeAboutTheSameTime() {
        TestAccounts.Account account = users.user();
        List<Long> wrong = new ArrayList<>();
        List<Long> unknown = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            TestAccounts fromFreshClient = new TestAccounts(new Api(port));
            String attempt = "Wrong-Pass-" + i;
            wrong.add(timed(() -> fromFreshClient.login(account.username(), attempt)));
            unknown.add(timed(() -> fromFreshClient.login(TestAccounts.uniqueName(), attempt)));
        }
        double ratio = (double) median(wrong) / median(unknown);
        // both paths verify one Argon2 hash; without the dummy hash the unknown path is ~50x faster
        assertThat(ratio).as("median wrong-password / unknown-account time").isBetween(0.33, 3.0);
    }

    @Test
    void throttlesAttemptsPerAccountAcrossClients() {
        TestAccounts.Account account = users.user();
        for (int i = 0; i < 9; i++) { // the sign-in of users.user() was the first attempt
            TestAccounts otherClient = new TestAccounts(new Api(port));
            // by username and by email alike: one account, one bucket (each had its own, twice the attempts)
            String identifier = i % 2 == 0 ? account.username() : account.email().toUpperCase(java.util.Locale.ROOT);
            assertThat(otherClient.login(identifier, "Wrong-Pass-99").statusCode()).isEqualTo(401);
        }
        HttpResponse<String> throttled = new TestAccounts(new Api(port)).login(account.email(), account.password());
        assertProblem(throttled, 429, "rate-limited");
        assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
        assertThat(throttled.headers().firstValue("RateLimit-Remaining")).hasValue("0");
    }

    @Test
    void throttlesAttemptsPerClientAcrossAccounts() {
        for (int i = 0; i < 10; i++) {
            assertThat(users.login(TestAccounts.uniqueName(), "Wrong-Pass-99").statusCode()).isEqualTo(401);
        }
        HttpResponse<String> throttled = users.login(TestAccounts.uniqueName(), "Wrong-Pass-99");
        assertProblem(throttled, 429, "rate-limited");
        assertThat(Long.parseLong(throttled.headers().firstValue("Retry-After").orElseThrow())).isPositive();
    }

    @Test
    void failedSignInsCountWhileMalformedOnesDoNot() {
        TestAccounts client = new TestAccounts(new Api(port));
        for (int i = 0; i < 10; i++) {
            assertThat(client.login("", "").statusCode()).isEqualTo(400);
            assertThat(client.login(TestAccounts.uniqueName(), "Wrong-Pass-99").statusCode()).isEqualTo(401);
        }
        // the ten refused passwords used up the client's ten attempts; the malformed requests took none
        assertProblem(client.login(TestAccounts.uniqueName(), "Wrong-Pass-99"), 429, "rate-limited");
    }

    @Test
    void refusesMissingFields() {
        JsonNode problem = assertProblem(users.login("", ""), 400, "validation-failed");
        assertThat(problem.path("errors").valueStream().map(error -> error.path("field").asString()))
                .contains("identifier", "password");
    }

    private static long timed(Runnable call) {
        long start = System.nanoTime();
        call.run();
        return System.nanoTime() - start;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
