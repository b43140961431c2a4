package dev.encore.account.session;

import static dev.encore.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.encore.support.Api;
import dev.encore.support.IntegrationTest;
import dev.encore.support.TestAccounts;

class SessionsIT extends IntegrationTest {

    @Test
    void listsMySessionsAndSignsThemOut() {
        TestAccounts.Account first = users.user();
        TestAccounts.Account second = users.signIn(first);
        TestAccounts.Account third = users.signIn(first);

        JsonNode sessions = Api.json(api.get("/api/v1/me/sessions", second.accessToken()));
        assertThat(sessions.size()).isEqualTo(3);
        JsonNode current = sessions.valueStream().filter(session -> session.path("current").asBoolean()).findFirst()
                .orElseThrow();
        assertThat(current.path("id").asString()).isEqualTo(second.sessionId());
        assertThat(current.path("userAgent").asString()).isEqualTo("EncoreTest/1.0");
        assertThat(current.path("clientIp").asString()).isEqualTo(api.clientAddress());
        assertThat(current.has("createdAt") && current.has("lastUsedAt")).isTrue();

        assertThat(api.send("DELETE", "/api/v1/me/sessions/" + first.sessionId(), second.accessToken(), null).statusCode())
                .isEqualTo(204);
        assertThat(api.get("/api/v1/me", first.accessToken()).statusCode()).isEqualTo(401);
        assertProblem(api.send("DELETE", "/api/v1/me/sessions/" + first.sessionId(), second.accessToken(), null), 404,
                "not-found");

        assertThat(api.send("DELETE", "/api/v1/me/sessions", second.accessToken(), null).statusCode()).isEqualTo(204);
        assertThat(api.get("/api/v1/me", third.accessToken()).statusCode()).isEqualTo(401);
        assertThat(api.get("/api/v1/me", second.accessToken()).statusCode()).isEqualTo(200);
        assertThat(Api.json(api.get("/api/v1/me/sessions", second.accessToken())).size()).isEqualTo(1);
    }

    @Test
    void cannotSignOutSomeoneElsesSession() {
        TestAccounts.Account mine = users.user();
        TestAccounts.Account theirs = users.user();
        assertProblem(api.send("DELETE", "/api/v1/me/sessions/" + theirs.sessionId(), mine.accessToken(), null), 404,
                "not-found");
        assertThat(api.get("/api/v1/me", theirs.accessToken()).statusCode()).isEqualTo(200);
    }
}
