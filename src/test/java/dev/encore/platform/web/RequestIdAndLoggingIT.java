package dev.encore.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.encore.support.Api;
import dev.encore.support.IntegrationTest;

@ExtendWith(OutputCaptureExtension.class)
class RequestIdAndLoggingIT extends IntegrationTest {

    @Test
    void echoesASaneClientRequestId() {
        HttpResponse<String> response = api.send(api.request("/livez").header("X-Request-ID", "client-42.a_b"));
        assertThat(response.headers().firstValue("X-Request-ID")).hasValue("client-42.a_b");
    }

    @Test
    void replacesAnInsaneClientRequestId() {
        for (String bad : new String[] { "has space", "x".repeat(65), "semi;colon", "<script>" }) {
            HttpResponse<String> response = api.send(api.request("/livez").header("X-Request-ID", bad));
            String id = response.headers().firstValue("X-Request-ID").orElseThrow();
            assertThat(id).isNotEqualTo(bad).matches("[0-9a-f-]{36}");
        }
    }

    @Test
    void generatesARequestIdWhenNoneIsSent() {
        HttpResponse<String> first = api.get("/livez");
        HttpResponse<String> second = api.get("/livez");
        assertThat(first.headers().firstValue("X-Request-ID")).isPresent();
        assertThat(first.headers().firstValue("X-Request-ID")).isNotEqualTo(second.headers().firstValue("X-Request-ID"));
    }

    @Test
    void problemBodyCarriesTheRequestId() {
        HttpResponse<String> response = api.send(api.request("/nowhere").header("X-Request-ID", "trace-me-1"));
        assertThat(Api.json(response).path("requestId").asString()).isEqualTo("trace-me-1");
    }

    @Test
    void writesOneStructuredAccessLineWithRouteStatusAndUser(CapturedOutput output) {
        String token = tokens.user();
        api.send(api.request("/api/v1/_fixtures/client").header("Authorization", "Bearer " + token)
                .header("X-Request-ID", "access-line-1"));
        // the access line is written after the response, so the client may see the answer first
        String line = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).until(
                () -> output.getOut().lines().filter(l -> l.contains("\"dev.encore.access\"") && l.contains("access-line-1"))
                        .findFirst(), java.util.Optional::isPresent).orElseThrow();
        assertThat(Api.json(line).path("url").path("route").asString())
                .isEqualTo("/api/v1/_fixtures/client");
        assertThat(line).contains("\"status_code\":200", "\"duration_ms\":", "\"user\":{\"id\":\"");
    }

    @Test
    void aRequestRefusedBeforeDispatchIsLoggedWithTheRouteItWasMeantFor(CapturedOutput output) {
        api.send(api.request("/api/v1/playlists/" + java.util.UUID.randomUUID()).header("X-Request-ID", "refused-line-1"));
        api.send(api.request("/api/v1/nothing-here").header("X-Request-ID", "refused-line-2"));
        assertThat(Api.json(accessLine(output, "refused-line-1")).path("url").path("route").asString())
                .as("a 401 names its route template, not the raw path").isEqualTo("/api/v1/playlists/{id}");
        assertThat(accessLine(output, "refused-line-1")).contains("\"status_code\":401");
        assertThat(Api.json(accessLine(output, "refused-line-2")).path("url").path("route").asString())
                .isEqualTo("(unmatched)");
    }

    private static String accessLine(CapturedOutput output, String requestId) {
        return org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).until(
                () -> output.getOut().lines().filter(l -> l.contains("\"dev.encore.access\"") && l.contains(requestId))
                        .findFirst(), java.util.Optional::isPresent).orElseThrow();
    }

    @Test
    void errorLogCarriesTheRequestIdAndTheClientDoesNot(CapturedOutput output) {
        api.send(api.request("/api/v1/_fixtures/boom").header("Authorization", "Bearer " + tokens.user())
                .header("X-Request-ID", "boom-log-1"));
        assertThat(output.getOut().lines().filter(l -> l.contains("\"ERROR\"") && l.contains("boom-log-1")))
                .anySatisfy(line -> assertThat(line).contains("SELECT secret FROM users"));
    }

    @Test
    void neverLogsPasswordsTokensOrCookies(CapturedOutput output) {
        String token = tokens.user();
        api.send(api.request("/api/v1/_fixtures/echo").header("Authorization", "Bearer " + token)
                .header("Cookie", "refresh=cookie-secret-value").header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\"n\",\"count\":1,\"password\":\"Hunter2-password-secret\"}")));
        api.send(api.request("/api/v1/_fixtures/boom").header("Authorization", "Bearer " + token));
        assertThat(output.getAll()).doesNotContain(token, "Hunter2-password-secret", "cookie-secret-value");
    }
}
