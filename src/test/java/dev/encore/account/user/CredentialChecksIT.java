package dev.encore.account.user;

import static dev.encore.support.MvcProblemAssert.messages;
import static dev.encore.support.ProblemAssert.assertInvalidField;
import static dev.encore.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.encore.account.mfa.TotpCodes;
import dev.encore.support.Api;
import dev.encore.support.IntegrationTest;
import dev.encore.support.TestAccounts;
import dev.encore.support.TestAccounts.Account;

/**
 * Checks of a signed-in account's own password or code (password change, account deletion, starting
 * two-factor enrolment, turning two-factor on or off): the failures are throttled per account, as a stolen access token must not
 * buy unlimited guesses, and audited.
 */
class CredentialChecksIT extends IntegrationTest {

    /** The built-in {@code credential-checks} limit: 10 failures per 15 minutes per account. */
    private static final int LIMIT = 10;
    private static final String NEW_PASSWORD = "Brand-New-Pass-7";

    @Test
    void wrongCurrentPasswordsOfAPasswordChangeAreThrottledPerAccountAndAudited() {
        Account me = users.user();
        assertThrottledAfterTheLimit(password -> changePassword(me, password), "Wrong-Pass-99", me.password(),
                wrong -> assertInvalidField(wrong, "currentPassword"));
        assertThat(users.login(me.username(), me.password()).statusCode()).as("the password stayed").isEqualTo(200);

        Account other = new TestAccounts(new Api(port)).user();
        assertInvalidField(changePassword(other, "Wrong-Pass-1"), "currentPassword");
        assertThat(changePassword(other, other.password()).statusCode()).isEqualTo(204);
        assertAudited(me, "password", "password-change");
    }

    @Test
    void wrongPasswordsOfAnAccountDeletionAreThrottledPerAccountAndAudited() {
        Account me = users.user();
        assertThrottledAfterTheLimit(password -> deleteAccount(me, password), "Wrong-Pass-99", me.password(),
                wrong -> assertInvalidField(wrong, "password"));
        assertThat(api.get("/api/v1/me", me.accessToken()).statusCode()).as("the account stayed").isEqualTo(200);

        Account other = new TestAccounts(new Api(port)).user();
        assertThat(deleteAccount(other, other.password()).statusCode()).isEqualTo(204);
        assertAudited(me, "password", "account-deletion");
    }

    @Test
    void wrongPasswordsToStartTwoFactorEnrolmentAreThrottledPerAccountAndAudited() {
        Account me = users.user();
        assertThrottledAfterTheLimit(password -> startEnrolment(me, password), "Wrong-Pass-99", me.password(),
                wrong -> assertThat(messages(assertInvalidField(wrong, "password"), "password"))
                        .containsExactly("is not correct"));
        assertThat(Api.json(api.get("/api/v1/me", me.accessToken())).path("mfaEnabled").asBoolean()).isFalse();

        Account other = new TestAccounts(new Api(port)).user();
        assertInvalidField(startEnrolment(other, "Wrong-Pass-1"), "password");
        HttpResponse<String> started = startEnrolment(other, other.password());
        assertThat(started.statusCode()).as("another account is not limited").isEqualTo(200);
        assertThat(Api.json(started).path("secret").asString()).matches("[A-Z2-7]{32}");
        assertAudited(me, "password", "mfa-enrol");
    }

    @Test
    void wrongCodesToTurnTwoFactorOffAreThrottledPerAccountAndAudited() {
        Account me = users.user();
        String secret = enrol(me);
        // the enrolment used this step's code: the next one is the right one
        assertThrottledAfterTheLimit(code -> disableTwoFactor(me, code), wrongCode(secret), TotpCodes.now(secret, 1),
                wrong -> assertProblem(wrong, 401, "invalid-mfa-code"));
        assertThat(Api.json(api.get("/api/v1/me", me.accessToken())).path("mfaEnabled").asBoolean()).isTrue();

        Account other = new TestAccounts(new Api(port)).user();
        String othersSecret = enrol(other);
        assertProblem(disableTwoFactor(other, wrongCode(othersSecret)), 401, "invalid-mfa-code");
        assertThat(disableTwoFactor(other, TotpCodes.now(othersSecret, 1)).statusCode()).isEqualTo(204);
        assertAudited(me, "totp-code", "mfa-disable");
    }

    @Test
    void wrongCodesToTurnTwoFactorOnAreThrottledPerAccountAndAudited() {
        Account me = users.user();
        String secret = startEnrolment(me);
        assertThrottledAfterTheLimit(code -> confirmTwoFactor(me, code), wrongCode(secret), TotpCodes.now(secret, 0),
                wrong -> assertProblem(wrong, 401, "invalid-mfa-code"));
        assertThat(Api.json(api.get("/api/v1/me", me.accessToken())).path("mfaEnabled").asBoolean()).isFalse();

        Account other = new TestAccounts(new Api(port)).user();
        enrol(other);
        assertAudited(me, "totp-code", "mfa-confirm");
    }

    @Test
    void onlyFailedChecksCountAndEveryCheckOfTheAccountSharesTheLimit() {
        Account me = users.user();
        for (int i = 0; i < LIMIT - 1; i++) {
            assertInvalidField(changePassword(me, "Wrong-Pass-" + i), "currentPassword");
        }
        assertThat(changePassword(me, me.password()).statusCode()).as("a right password costs nothing").isEqualTo(204);
        assertInvalidField(deleteAccount(me, "Wrong-Pass-99"), "password");
        assertThrottled(deleteAccount(me, NEW_PASSWORD));
        assertThrottled(changePassword(me, NEW_PASSWORD));
    }

    /**
     * {@link #LIMIT} wrong credentials are refused as usual, then the next wrong one and the right one are
     * throttled.
     */
    private static void assertThrottledAfterTheLimit(Function<String, HttpResponse<String>> check, String wrong,
            String right, Consumer<HttpResponse<String>> usualRefusal) {
        for (int i = 0; i < LIMIT; i++) {
            usualRefusal.accept(check.apply(wrong));
        }
        assertThrottled(check.apply(wrong));
        assertThrottled(check.apply(right));
    }

    private static void assertThrottled(HttpResponse<String> response) {
        assertProblem(response, 429, "rate-limited");
        assertThat(Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow())).isPositive();
        assertThat(response.headers().firstValue("RateLimit-Remaining")).hasValue("0");
    }

    /** Every failure and both refusals are on the account's trail, with the request's context. */
    private void assertAudited(Account me, String credential, String action) {
        Api reader = new Api(port); // its own client: polling must not use up the general limit of the others
        Account admin = new TestAccounts(reader).admin();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            List<JsonNode> entries = Api.json(reader.get("/api/v1/admin/audit?size=100&target=" + me.id(),
                    admin.accessToken())).path("items").valueStream().toList();
            assertThat(entries.stream().filter(entry -> entry.path("type").asString().equals("credential-check.failed")))
                    .hasSize(LIMIT).allSatisfy(entry -> {
                        assertThat(entry.path("actorId").asString()).isEqualTo(me.id());
                        assertThat(entry.path("details").path("credential").asString()).isEqualTo(credential);
                        assertThat(entry.path("details").path("action").asString()).isEqualTo(action);
                        assertThat(entry.path("clientIp").asString()).isEqualTo(api.clientAddress());
                        assertThat(entry.path("requestId").asString()).isNotBlank();
                    });
            assertThat(entries.stream().map(entry -> entry.path("type").asString()))
                    .filteredOn("credential-check.throttled"::equals).hasSize(2);
        });
    }

    private HttpResponse<String> changePassword(Account account, String currentPassword) {
        return api.send("POST", "/api/v1/me/password", account.accessToken(),
                "{\"currentPassword\":\"" + currentPassword + "\",\"newPassword\":\"" + NEW_PASSWORD + "\"}");
    }

    private HttpResponse<String> deleteAccount(Account account, String password) {
        return api.send("DELETE", "/api/v1/me", account.accessToken(), "{\"password\":\"" + password + "\"}");
    }

    private HttpResponse<String> confirmTwoFactor(Account account, String code) {
        return api.send("POST", "/api/v1/me/mfa/totp/confirm", account.accessToken(), "{\"code\":\"" + code + "\"}");
    }

    private HttpResponse<String> disableTwoFactor(Account account, String code) {
        return api.send("DELETE", "/api/v1/me/mfa/totp", account.accessToken(), "{\"code\":\"" + code + "\"}");
    }

    private HttpResponse<String> startEnrolment(Account account, String password) {
        return api.send("POST", "/api/v1/me/mfa/totp", account.accessToken(), "{\"password\":\"" + password + "\"}");
    }

    /** Starts two-factor enrolment with the right password; the secret. */
    private String startEnrolment(Account account) {
        HttpResponse<String> started = startEnrolment(account, account.password());
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        return Api.json(started).path("secret").asString();
    }

    /** Turns two-factor on; the secret. */
    private String enrol(Account account) {
        String secret = startEnrolment(account);
        assertThat(confirmTwoFactor(account, TotpCodes.now(secret, 0)).statusCode()).isEqualTo(200);
        return secret;
    }

    /** A well-formed code that no time step near now accepts. */
    private static String wrongCode(String secret) {
        List<String> near = IntStream.rangeClosed(-3, 3).mapToObj(offset -> TotpCodes.now(secret, offset)).toList();
        return IntStream.rangeClosed(0, 9).mapToObj(digit -> Integer.toString(digit).repeat(6))
                .filter(code -> !near.contains(code)).findFirst().orElseThrow();
    }
}
