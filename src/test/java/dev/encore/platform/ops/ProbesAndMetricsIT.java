package dev.encore.platform.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HttpCodeStatusMapper;
import org.springframework.boot.health.contributor.Status;
import tools.jackson.databind.JsonNode;

import dev.encore.support.Api;
import dev.encore.support.IntegrationTest;
import dev.encore.support.ServicesProfile;

class ProbesAndMetricsIT extends IntegrationTest {

    private static final String SCRAPE_TOKEN = "scrape-token-for-tests-0123456789";

    @Autowired
    private HttpCodeStatusMapper statusCodes;

    @Test
    void aBrokenNodeAnswers503AndADegradedOne200() {
        assertThat(statusCodes.getStatusCode(Status.DOWN)).isEqualTo(503);
        assertThat(statusCodes.getStatusCode(Status.OUT_OF_SERVICE)).isEqualTo(503);
        assertThat(statusCodes.getStatusCode(new Status("DEGRADED"))).isEqualTo(200);
        assertThat(statusCodes.getStatusCode(Status.UP)).isEqualTo(200);
    }

    @Test
    void livenessAndReadinessAreUp() {
        HttpResponse<String> live = api.get("/livez");
        HttpResponse<String> ready = api.get("/readyz");
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(Api.json(live).path("status").asString()).isEqualTo("UP");
        assertThat(Api.json(ready).path("status").asString()).isEqualTo("UP");
    }

    @Test
    void healthHidesComponentsFromAnonymousAndUsers() {
        assertThat(Api.json(api.get("/actuator/health")).has("components")).isFalse();
        assertThat(Api.json(api.get("/readyz")).has("components")).isFalse();
        assertThat(Api.json(api.get("/actuator/health", tokens.user())).has("components")).isFalse();
    }

    @Test
    void readinessShowsItsComponentsToAdmins() {
        JsonNode components = Api.json(api.get("/readyz", tokens.admin())).path("components");
        assertThat(components.has("db")).isTrue();
        assertThat(components.path("diskSpace").path("details").path("path").asString()).contains("encore-it-");
        assertThat(components.path("rateLimiter").path("status").asString()).isEqualTo("UP");
        if (ServicesProfile.active()) {
            assertThat(components.path("redis").path("status").asString()).isEqualTo("UP");
            assertThat(components.path("rabbit").path("status").asString()).isEqualTo("UP");
            assertThat(components.path("rateLimiter").path("details").path("store").asString()).isEqualTo("redis");
            assertThat(components.path("db").path("details").path("database").asString()).isEqualTo("PostgreSQL");
        }
        else {
            assertThat(components.path("db").path("details").path("database").asString()).isEqualTo("H2");
        }
    }

    @Test
    void prometheusNeedsTheScrapeTokenOrAnAdmin() {
        assertThat(api.get("/actuator/prometheus").statusCode()).isEqualTo(401);
        assertThat(api.get("/actuator/prometheus", "wrong-token-wrong-token-wrong").statusCode()).isEqualTo(401);
        assertThat(api.get("/actuator/prometheus", tokens.user()).statusCode()).isEqualTo(403);
        assertThat(api.get("/actuator/prometheus", tokens.admin()).statusCode()).isEqualTo(200);
    }

    @Test
    void scrapeTokenGrantsMetricsAndNothingElse() {
        assertThat(api.get("/actuator/info", SCRAPE_TOKEN).statusCode()).isEqualTo(403);
        assertThat(api.get("/api/v1/_fixtures/admin", SCRAPE_TOKEN).statusCode()).isEqualTo(403);
        // not an account: the API's handlers expect one (each was a 500, a NullPointerException logged)
        for (String path : new String[] { "/api/v1/me", "/api/v1/tracks", "/api/v1/playlists", "/api/v1/me/sessions" }) {
            dev.encore.support.ProblemAssert.assertProblem(api.get(path, SCRAPE_TOKEN), 403, "forbidden");
        }
        dev.encore.support.ProblemAssert.assertProblem(api.send(api.request("/api/v1/auth/logout")
                .header("Authorization", "Bearer " + SCRAPE_TOKEN)
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody())), 403, "forbidden");
        assertThat(api.get("/api/v1/_fixtures/client", tokens.user()).statusCode()).as("an account's token still works")
                .isEqualTo(200);
    }

    @Test
    void prometheusServesTextFormatWithServerJvmPoolAndRateLimitMetrics() {
        api.get("/api/v1/_fixtures/client", tokens.user());
        HttpResponse<String> response = api.get("/actuator/prometheus", SCRAPE_TOKEN);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain"));
        assertThat(response.body()).contains("# TYPE http_server_requests_seconds", "jvm_memory_used_bytes",
                "hikaricp_connections_active", "encore_ratelimit_decisions_total");
        // Spring Security's per-filter observations are off (their cost per request); the request metric stays
        assertThat(response.body()).contains("http_server_requests_seconds_count{")
                .doesNotContain("spring_security_filterchains", "spring_security_authentications",
                        "spring_security_authorizations");
    }
}
