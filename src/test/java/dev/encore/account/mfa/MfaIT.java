package dev.encore.account.mfa;

import static dev.encore.support.MvcProblemAssert.messages;
import static dev.encore.support.ProblemAssert.assertInvalidField;
import static dev.encore.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import dev.encore.support.Api;
import dev.encore.support.IntegrationTest;
import dev.encore.support.TestAccounts;

class MfaIT extends IntegrationTest {

    @Autowired
    DataSource dataSource;

    @Test
    void enrolmentReturnsASecretAndUriAndStoresTheSecretSealed() {
        TestAccounts.Account me = users.user();
        JsonNode enrolment = Api.json(start(me, me.password()));
        String secret = enrolment.path("secret").asString();
        assertThat(secret).matches("[A-Z2-7]{32}");
        assertThat(enrolment.path("otpauthUri").asString()).startsWith("otpauth://totp/Encore:" + me.username())
                .contains("secret=" + secret, "issuer=Encore", "digits=6", "period=30");
        assertThat(storedSecret(me)).startsWith("v1:").doesNotContain(secret);
        assertThat(Api.json(api.get("/api/v1/me", me.accessToken())).path("mfaEnabled").asBoolean())
                .as("not on before confirmation").isFalse();
    }

    @Test
    void startingAnEnrolmentNeedsThePasswordSoATokenAloneCannotTurnTwoFactorOn() {
        TestAccounts.Account me = users.user();
        assertThat(messages(assertInvalidField(api.send("POST", "/api/v1/me/mfa/totp", me.accessToken(), null),
                "password"), "password")).containsExactly("must not be blank");
        assertInvalidField(api.send("POST", "/api/v1/me/mfa/totp", me.accessToken(), "{}"), "password");
        JsonNode wrong = assertInvalidField(start(me, "Wrong-Pass-99"), "password");
        assertThat(messages(wrong, "password")).containsExactly("is not correct");
        assertThat(storedSecret(me)).as("nothing started").isNull();

        HttpResponse<String> started = start(me, me.password());
        assertThat(started.statusCode()).isEqualTo(200);
        assertThat(Api.json(started).path("secret").asString()).matches("[A-Z2-7]{32}");
        assertThat(storedSecret(me)).isNotNull();
    }

    @Test
    void confirmingNeedsAValidCodeAndReturnsTenRecoveryCodes() {
        TestAccounts.Account me = users.user();
        String secret = Api.json(start(me, me.password())).path("secret").asString();
        assertProblem(confirm(me, "000000".equals(code(secret, 0)) ? "111111" : "000000"), 401, "invalid-mfa-code");
        HttpResponse<String> confirmed = confirm(me, code(secret, 0));
        assertThat(confirmed.statusCode()).isEqualTo(200);
        List<String> codes = Api.json(confirmed).path("recoveryCodes").valueStream().map(JsonNode::asString).toList();
        assertThat(codes).hasSize(10).doesNotHaveDuplicates().allMatch(code -> code.matches("[a-z2-7]{4}(-[a-z2-7]{4}){3}"));
        assertThat(Api.json(api.get("/api/v1/me", me.accessToken())).path("mfaEnabled").asBoolean()).isTrue();
        assertProblem(confirm(me, code(secret, 1)), 409, "mfa-already-enabled");
        assertProblem(start(me, me.password()), 409, "mfa-already-enabled");
    }

    @Test
    void loginNeedsTheSecondFactorAndACodeWorksOnlyOnce() {
        TestAccounts.Account me = users.user();
        String secret = enrol(me).secret();

        assertProblem(users.login(me.username(), me.password()), 401, "mfa-required");
        assertProblem(loginWith(me, "totpCode", "123456".equals(code(secret, 1)) ? "654321" : "123456"), 401,
                "invalid-mfa-code");
        String next = code(secret, 1); // the enrolment used this step's code; the next step is valid too
        assertThat(loginWith(me, "totpCode", next).statusCode()).isEqualTo(200);
        assertProblem(loginWith(me, "totpCode", next), 401, "invalid-mfa-code");
        assertProblem(loginWith(me, "totpCode", code(secret, 0)), 401, "invalid-mfa-code");
    }

    @Test
    void aSecretSealedWithAnotherKeyRefusesTotpCodesWithA401AndLeavesRecoveryCodesAndTheAdminResetWorking() {
        TestAccounts.Account me = users.user();
        Enrolled enrolled = enrol(me);
        // what a database restored without its encore.security.secret-box-key holds: a value no key here opens
        byte[] foreign = new byte[12 + 20 + 16];
        new SecureRandom().nextBytes(foreign);
        new JdbcTemplate(dataSource).update("update account_users set mfa_secret = ? where username_key = ?",
                "v1:" + Base64.getEncoder().encodeToString(foreign), me.username().toLowerCase());

        assertProblem(loginWith(me, "totpCode", code(enrolled.secret(), 1)), 401, "invalid-mfa-code");
        assertProblem(newRecoveryCodes(me, code(enrolled.secret(), 1)), 401, "invalid-mfa-code");
        assertThat(loginWith(me, "recoveryCode", enrolled.recoveryCodes().get(0)).statusCode()).isEqualTo(200);

        TestAccounts.Account admin = users.admin();
        assertThat(api.send("DELETE", "/api/v1/admin/users/" + me.id() + "/mfa", admin.accessToken(), null)
                .statusCode()).isEqualTo(204);
        assertThat(users.login(me.username(), me.password()).statusCode()).isEqualTo(200);
    }

    @Test
    void recoveryCodesWorkOnceEach() {
        TestAccounts.Account me = users.user();
        List<String> codes = enrol(me).recoveryCodes();
        assertThat(loginWith(me, "recoveryCode", codes.get(0).toUpperCase()).statusCode()).isEqualTo(200);
        assertProblem(loginWith(me, "recoveryCode", codes.get(0)), 401, "invalid-mfa-code");
        assertThat(loginWith(me, "recoveryCode", codes.get(1).replace("-", "")).statusCode()).isEqualTo(200);
        assertProblem(loginWith(me, "recoveryCode", "aaaa-bbbb-cccc-dddd"), 401, "invalid-mfa-code");
    }

    @Test
    void aRecoveryCodeSentByTwoLoginsAtOnceLetsOnlyOneIn() throws Exception {
        TestAccounts.Account me = users.user();
        String code = enrol(me).recoveryCodes().get(0);
        assertThat(twoAtOnce(() -> loginWith(me, "recoveryCode", code).statusCode()))
                .containsExactlyInAnyOrder(200, 401);
    }

    @Test
    void aTotpCodeSentByTwoLoginsAtOnceLetsOnlyOneIn() throws Exception {
        TestAccounts.Account me = users.user();
        String next = code(enrol(me).secret(), 1); // the enrolment used this step's code
        assertThat(twoAtOnce(() -> loginWith(me, "totpCode", next).statusCode()))
                .as("a time step is accepted once, also by logins at the same moment")
                .containsExactlyInAnyOrder(200, 401);
    }

    @Test
    void disablingNeedsAValidCode() {
        TestAccounts.Account me = users.user();
        String secret = enrol(me).secret();
        assertProblem(api.send("DELETE", "/api/v1/me/mfa/totp", me.accessToken(), "{\"code\":\"12\"}"), 401,
                "invalid-mfa-code");
        assertThat(api.send("DELETE", "/api/v1/me/mfa/totp", me.accessToken(),
                "{\"code\":\"" + code(secret, 1) + "\"}").statusCode()).isEqualTo(204);
        assertThat(users.login(me.username(), me.password()).statusCode()).isEqualTo(200);
        assertProblem(api.send("DELETE", "/api/v1/me/mfa/totp", me.accessToken(), "{\"code\":\"123456\"}"), 409,
                "mfa-not-enabled");
    }

    @Test
    void someoneWhoLostTheirAuthenticatorTurnsItOffWithARecoveryCode() {
        TestAccounts.Account me = users.user();
        List<String> codes = enrol(me).recoveryCodes();
        assertThat(loginWith(me, "recoveryCode", codes.get(0)).statusCode()).isEqualTo(200);
        assertProblem(api.send("DELETE", "/api/v1/me/mfa/totp", me.accessToken(), "{\"code\":\"" + codes.get(0) + "\"}"),
                401, "invalid-mfa-code"); // used up by the login
        assertProblem(api.send("DELETE", "/api/v1/me/mfa/totp", me.accessToken(), "{\"code\":\"aaaa-bbbb-cccc-dddd\"}"),
                401, "invalid-mfa-code");
        assertThat(api.send("DELETE", "/api/v1/me/mfa/totp", me.accessToken(), "{\"code\":\"" + codes.get(1) + "\"}")
                .statusCode()).isEqualTo(204);
        assertThat(users.login(me.username(), me.password()).statusCode()).as("no second factor now").isEqualTo(200);
        assertThat(enrol(me).recoveryCodes()).as("and a new device can be enrolled").hasSize(10);
    }

    @Test
    void newRecoveryCodesNeedACodeAndReplaceEveryEarlierOne() {
        TestAccounts.Account me = users.user();
        Enrolled enrolled = enrol(me);
        assertProblem(newRecoveryCodes(me, "aaaa-bbbb-cccc-dddd"), 401, "invalid-mfa-code");
        assertProblem(newRecoveryCodes(me, "000000".equals(code(enrolled.secret(), 1)) ? "111111" : "000000"), 401,
                "invalid-mfa-code");

        HttpResponse<String> renewed = newRecoveryCodes(me, code(enrolled.secret(), 1));
        assertThat(renewed.statusCode()).isEqualTo(200);
        List<String> codes = Api.json(renewed).path("recoveryCodes").valueStream().map(JsonNode::asString).toList();
        assertThat(codes).hasSize(10).doesNotHaveDuplicates().doesNotContainAnyElementsOf(enrolled.recoveryCodes())
                .allMatch(code -> code.matches("[a-z2-7]{4}(-[a-z2-7]{4}){3}"));
        assertProblem(loginWith(me, "recoveryCode", enrolled.recoveryCodes().get(0)), 401, "invalid-mfa-code");
        assertThat(loginWith(me, "recoveryCode", codes.get(0)).statusCode()).isEqualTo(200);

        HttpResponse<String> byRecoveryCode = newRecoveryCodes(me, codes.get(1));
        assertThat(byRecoveryCode.statusCode()).as("a recovery code does too, as for turning it off").isEqualTo(200);
        assertProblem(loginWith(me, "recoveryCode", codes.get(2)), 401, "invalid-mfa-code");
    }

    @Test
    void newRecoveryCodesNeedTwoFactorOn() {
        TestAccounts.Account me = users.user();
        assertProblem(newRecoveryCodes(me, "123456"), 409, "mfa-not-enabled");
    }

    @Test
    void twoFactorChangesAndRecoveryCodeUseAreAudited() {
        TestAccounts.Account me = users.user();
        Enrolled enrolled = enrol(me);
        assertThat(loginWith(me, "recoveryCode", enrolled.recoveryCodes().get(0)).statusCode()).isEqualTo(200);
        newRecoveryCodes(me, enrolled.recoveryCodes().get(1));
        api.send("DELETE", "/api/v1/me/mfa/totp", me.accessToken(), "{\"code\":\"" + code(enrolled.secret(), 1) + "\"}");
        TestAccounts.Account admin = users.admin();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                Api.json(api.get("/api/v1/admin/audit?size=100&actor=" + me.id(), admin.accessToken())).path("items")
                        .valueStream().map(entry -> entry.path("type").asString()))
                .contains("mfa.enabled", "mfa.recovery-code-used", "mfa.recovery-codes-regenerated", "mfa.disabled"));
        String trail = api.get("/api/v1/admin/audit?size=100&actor=" + me.id(), admin.accessToken()).body();
        assertThat(trail).doesNotContain(enrolled.secret(), enrolled.recoveryCodes().get(0));
    }

    /** The statuses of two requests sent at the same moment. */
    private static List<Integer> twoAtOnce(Callable<Integer> request) throws Exception {
        try (ExecutorService clients = Executors.newFixedThreadPool(2)) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                statuses.add(clients.submit(() -> {
                    start.await();
                    return request.call();
                }));
            }
            start.countDown();
            List<Integer> answered = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                answered.add(status.get(30, TimeUnit.SECONDS));
            }
            return answered;
        }
    }

    record Enrolled(String secret, List<String> recoveryCodes) {
    }

    private Enrolled enrol(TestAccounts.Account me) {
        String secret = Api.json(start(me, me.password())).path("secret").asString();
        HttpResponse<String> confirmed = confirm(me, code(secret, 0));
        assertThat(confirmed.statusCode()).isEqualTo(200);
        return new Enrolled(secret,
                Api.json(confirmed).path("recoveryCodes").valueStream().map(JsonNode::asString).toList());
    }

    private HttpResponse<String> start(TestAccounts.Account me, String password) {
        return api.send("POST", "/api/v1/me/mfa/totp", me.accessToken(), "{\"password\":\"" + password + "\"}");
    }

    /** The sealed secret of a started or finished enrolment; null when none was started. */
    private String storedSecret(TestAccounts.Account me) {
        return new JdbcTemplate(dataSource).queryForObject(
                "select mfa_secret from account_users where username_key = ?", String.class, me.username().toLowerCase());
    }

    private HttpResponse<String> newRecoveryCodes(TestAccounts.Account me, String code) {
        return api.send("POST", "/api/v1/me/mfa/recovery-codes", me.accessToken(), "{\"code\":\"" + code + "\"}");
    }

    private HttpResponse<String> confirm(TestAccounts.Account me, String code) {
        return api.send("POST", "/api/v1/me/mfa/totp/confirm", me.accessToken(), "{\"code\":\"" + code + "\"}");
    }

    private HttpResponse<String> loginWith(TestAccounts.Account me, String field, String code) {
        return api.send(api.request("/api/v1/auth/login").header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{\"identifier\":\"" + me.username() + "\",\"password\":\"" + me.password()
                        + "\",\"" + field + "\":\"" + code + "\"}")));
    }

    /** The code of the current time step plus {@code offset}, as an authenticator app shows it. */
    private static String code(String secret, int offset) {
        return Totp.code(secret, Instant.now().getEpochSecond() / Totp.STEP_SECONDS + offset);
    }
}
