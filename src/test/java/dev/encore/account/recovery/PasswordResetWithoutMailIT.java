package dev.encore.account.recovery;

import static dev.encore.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest.BodyPublishers;

import org.junit.jupiter.api.Test;

import dev.encore.support.Api;
import dev.encore.support.IntegrationTest;
import dev.encore.support.TestAccounts.Account;

/** Without an SMTP server (the default) there is no reset by mail, and the API says so. */
class PasswordResetWithoutMailIT extends IntegrationTest {

    @Test
    void aResetIsRefusedWithMailNotConfigured() {
        assertThat(Api.json(api.get("/api/v1/auth/password-reset")).path("available").asBoolean()).isFalse();
        Account user = users.user();
        assertProblem(api.send(api.request("/api/v1/auth/password-reset").header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{\"identifier\":\"" + user.email() + "\"}"))), 404, "mail-not-configured");
        assertThat(Api.json(api.get("/api/v1/me/notifications", user.accessToken())).path("mailConfigured").asBoolean())
                .isFalse();
    }
}
