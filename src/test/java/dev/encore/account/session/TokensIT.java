package dev.encore.account.session;

import static dev.encore.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.encore.support.Api;
import dev.encore.support.IntegrationTest;
import dev.encore.support.TestAccounts;

class TokensIT extends IntegrationTest {

    @Test
    void refreshRotatesBothTokens() {
        TestAccounts.Account account = users.user();
        HttpResponse<String> refreshed = users.refresh(account.refreshToken());
        assertThat(refreshed.statusCode()).isEqualTo(200);
        JsonNode body = Api.json(refreshed);
        assertThat(body.path("refreshToken").asString()).isNotEqualTo(account.refreshToken());
        assertThat(body.path("accessToken").asString()).isNotEqualTo(account.accessToken());
        assertThat(body.path("sessionId").asString()).isEqualTo(account.sessionId());
        assertThat(users.refresh(body.path("refreshToken").asString()).statusCode()).isEqualTo(200);
    }

    @Test
    void reusingARotatedRefreshTokenRevokesTheWholeSession() {
        TestAccounts.Account account = users.user();
        JsonNode rotated = Api.json(users.refresh(account.refreshToken()));
        assertProblem(users.refresh(account.refreshToken()), 401, "refresh-token-reused");

        assertProblem(users.refresh(rotated.path("refreshToken").asString()), 401, "invalid-refresh-token");
        assertThat(api.get("/api/v1/me", rotated.path("accessToken").asString()).statusCode()).isEqualTo(401);
        assertThat(api.get("/api/v1/me", account.accessToken()).statusCode()).isEqualTo(401);
    }

    @Test
    void fourRefreshesWithOneTokenAtOnceGetOneNewPairAndEndTheSession() throws Exception {
        TestAccounts.Account account = users.user();
        List<Callable<HttpResponse<String>>> refreshes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            refreshes.add(() -> users.refresh(account.refreshToken()));
        }
        List<HttpResponse<String>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            for (Future<HttpResponse<String>> answer : pool.invokeAll(refreshes)) {
                answers.add(answer.get());
            }
        }
        List<HttpResponse<String>> won = answers.stream().filter(answer -> answer.statusCode() == 200).toList();
        assertThat(won).as("a refresh token is spent once").hasSize(1);
        answers.stream().filter(answer -> answer.statusCode() != 200)
                .forEach(lost -> assertProblem(lost, 401, "refresh-token-reused"));
        // a token presented again is a stolen copy: the session ends, even for the refresh that won
        assertProblem(users.refresh(Api.json(won.getFirst()).path("refreshToken").asString()), 401,
                "invalid-refresh-token");
    }

    @Test
    void unknownRefreshTokenIsRefused() {
        assertProblem(users.refresh("not-a-real-token"), 401, "invalid-refresh-token");
    }

    @Test
    void logoutStopsTheAccessTokenAtOnceAndEndsTheSession() {
        TestAccounts.Account account = users.user();
        assertThat(api.get("/api/v1/me", account.accessToken()).statusCode()).isEqualTo(200);
        HttpResponse<String> logout = api.send(api.request("/api/v1/auth/logout")
                .header("Authorization", "Bearer " + account.accessToken()).POST(BodyPublishers.noBody()));
        assertThat(logout.statusCode()).isEqualTo(204);
        assertProblem(api.get("/api/v1/me", account.accessToken()), 401, "unauthenticated");
        assertProblem(users.refresh(account.refreshToken()), 401, "invalid-refresh-token");
    }

    @Test
    void logoutNeedsAnAccessToken() {
        assertProblem(api.send(api.request("/api/v1/auth/logout").POST(BodyPublishers.noBody())), 401,
                "unauthenticated");
    }

    @Test
    void cookieModeSetsAStrictHttpOnlyCookieInsteadOfReturningTheToken() {
        TestAccounts.Account account = users.user();
        HttpResponse<String> login = api.send(api.request("/api/v1/auth/login?cookie=true")
                .header("Content-Type", "application/json").POST(BodyPublishers.ofString(
                        "{\"identifier\":\"" + account.username() + "\",\"password\":\"" + account.password() + "\"}")));
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(Api.json(login).has("refreshToken")).isFalse();
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("encore_refresh=").contains("HttpOnly", "SameSite=Strict", "Path=/api/v1/auth")
                .doesNotContain("Secure"); // Secure only in prod

        String value = cookie.substring(0, cookie.indexOf(';'));
        HttpResponse<String> refreshed = api.send(api.request("/api/v1/auth/refresh").header("Cookie", value)
                .header("Origin", "https://app.example.org").POST(BodyPublishers.noBody()));
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        assertThat(refreshed.headers().firstValue("Set-Cookie")).hasValueSatisfying(
                next -> assertThat(next).startsWith("encore_refresh=").isNotEqualTo(cookie));
    }

    /**
     * The web app at the public URL (http://localhost:8080 in these tests, whatever port the node
     * listens on) is Encore's own: a proxy that rewrites Host must not make its refresh cross-origin.
     */
    @Test
    void aCookieRefreshFromThePublicUrlsOriginIsServed() {
        TestAccounts.Account account = users.user();
        HttpResponse<String> refreshed = api.send(api.request("/api/v1/auth/refresh")
                .header("Cookie", "encore_refresh=" + account.refreshToken()).header("Origin", "http://localhost:8080")
                .POST(BodyPublishers.noBody()));
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        assertThat(refreshed.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:8080");
        HttpResponse<String> me = api.send(api.request("/api/v1/me").header("Origin", "http://localhost:8080")
                .header("Authorization", "Bearer " + account.accessToken()));
        assertThat(me.statusCode()).isEqualTo(200);
    }

    @Test
    void aRefusedCookieRefreshExpiresTheCookie() {
        TestAccounts.Account account = users.user();
        JsonNode rotated = Api.json(users.refresh(account.refreshToken()));
        for (String spent : List.of(account.refreshToken(), rotated.path("refreshToken").asString(), "not-a-real-token")) {
            HttpResponse<String> refused = api.send(api.request("/api/v1/auth/refresh")
                    .header("Cookie", "encore_refresh=" + spent).header("Origin", "https://app.example.org")
                    .POST(BodyPublishers.noBody()));
            assertThat(refused.statusCode()).isEqualTo(401); // reused, then ended with its session, then unknown
            assertThat(refused.headers().firstValue("Set-Cookie")).as(spent).hasValueSatisfying(cookie -> assertThat(cookie)
                    .startsWith("encore_refresh=;").contains("Max-Age=0", "Path=/api/v1/auth", "HttpOnly",
                            "SameSite=Strict"));
        }
        HttpResponse<String> fromBody = users.refresh("not-a-real-token");
        assertThat(fromBody.statusCode()).isEqualTo(401);
        assertThat(fromBody.headers().firstValue("Set-Cookie")).as("a token from the body leaves any cookie alone")
                .isEmpty();
    }

    @Test
    void cookieRefreshNeedsAnAllowedOrigin() {
        TestAccounts.Account account = users.user();
        String cookie = "encore_refresh=" + account.refreshToken();
        assertProblem(api.send(api.request("/api/v1/auth/refresh").header("Cookie", cookie)
                .POST(BodyPublishers.noBody())), 403, "origin-refused");
        HttpResponse<String> foreign = api.send(api.request("/api/v1/auth/refresh").header("Cookie", cookie)
                .header("Origin", "https://evil.example.com").POST(BodyPublishers.noBody()));
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(users.refresh(account.refreshToken()).statusCode()).as("the token was not spent").isEqualTo(200);
    }

    @Test
    void aRefreshWithNeitherTokenNorCookieIsRefused() {
        assertProblem(api.send(api.request("/api/v1/auth/refresh").header("Origin", "https://app.example.org")
                .POST(BodyPublishers.noBody())), 401, "invalid-refresh-token");
        assertProblem(api.send(api.request("/api/v1/auth/refresh").header("Origin", "https://app.example.org")
                .header("Content-Type", "application/json").POST(BodyPublishers.ofString("{\"refreshToken\":\"\"}"))),
                401, "invalid-refresh-token");
    }

    @Test
    void anAccessTokenTenSecondsPastItsExpiryIsRefused() {
        // Spring's default allowance of a minute would let it in (and /me would answer 404 for its unknown user)
        assertProblem(api.get("/api/v1/me", tokens.expiredFor(java.time.Duration.ofSeconds(10))), 401,
                "unauthenticated");
        assertProblem(api.get("/api/v1/me", tokens.token(java.util.UUID.randomUUID().toString(), List.of("USER"),
                java.time.Duration.ofMinutes(1))), 404, "not-found");
    }

    @Test
    void expiredOrForgedAccessTokensAreRefused() {
        assertProblem(api.get("/api/v1/me", tokens.expired()), 401, "unauthenticated");
        String user = tokens.user();
        String forged = user.substring(0, user.lastIndexOf('.') + 1) + "c2lnbmF0dXJlLW9mLWFub3RoZXIta2V5";
        assertProblem(api.get("/api/v1/me", forged), 401, "unauthenticated");
    }
}
