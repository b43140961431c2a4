package dev.encore.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.encore.support.Api;
import dev.encore.support.IntegrationTest;

class RateLimitIT extends IntegrationTest {

    @Test
    void generalLimitAnswers429WithHeadersOncePerClientBucketIsEmpty() {
        HttpResponse<String> last = null;
        for (int i = 1; i <= 40; i++) {
            last = api.get("/api/v1/_fixtures/client", tokens.user());
            assertThat(last.statusCode()).isEqualTo(200);
            assertThat(last.headers().firstValue("RateLimit-Remaining")).hasValue(Integer.toString(40 - i));
        }
        assertThat(last.headers().firstValue("RateLimit-Limit")).hasValue("40");
        HttpResponse<String> refused = api.get("/api/v1/_fixtures/client", tokens.user());
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(Api.json(refused).path("type").asString()).endsWith("/rate-limited");
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 900L);
        assertThat(refused.headers().firstValue("RateLimit-Remaining")).hasValue("0");
        assertThat(Long.parseLong(refused.headers().firstValue("RateLimit-Reset").orElseThrow())).isBetween(1L, 900L);

        Api otherClient = new Api(port);
        assertThat(otherClient.get("/api/v1/_fixtures/client", tokens.user()).statusCode()).isEqualTo(200);
    }

    /**
     * An IPv6 client is handed a whole /64 and can take a fresh address for every request: its
     * addresses share one bucket, and the neighbouring /64 has its own.
     */
    @Test
    void anIpv6ClientCountsWithTheRestOfItsSlash64() {
        String token = tokens.user();
        String prefix = "2001:db8:" + Integer.toHexString(1 + (int) (Math.random() * 0xfffe)) + ":"
                + Integer.toHexString(1 + (int) (Math.random() * 0xfffe));
        for (int i = 1; i <= 40; i++) {
            assertThat(fromAddress(prefix + ":" + Integer.toHexString(i) + "::" + Integer.toHexString(i), token)
                    .statusCode()).as("request %d", i).isEqualTo(200);
        }
        HttpResponse<String> refused = fromAddress(prefix + ":ffff:ffff:ffff:ffff", token);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(Api.json(refused).path("type").asString()).endsWith("/rate-limited");
        assertThat(fromAddress(prefix.substring(0, prefix.lastIndexOf(':')) + ":0::1", token).statusCode())
                .as("another /64").isEqualTo(200);
    }

    private HttpResponse<String> fromAddress(String address, String token) {
        return api.send(HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/v1/_fixtures/client"))
                .header("X-Forwarded-For", address).header("Authorization", "Bearer " + token));
    }

    @Test
    void generalLimitDoesNotApplyOutsideTheApi() {
        for (int i = 0; i < 45; i++) {
            assertThat(api.get("/livez").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void namedLimitIsPerUserAndStricter() {
        String alice = tokens.user();
        for (int i = 1; i <= 3; i++) {
            HttpResponse<String> response = api.get("/api/v1/_fixtures/limited", alice);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("RateLimit-Limit")).hasValue("3");
            assertThat(response.headers().firstValue("RateLimit-Remaining")).hasValue(Integer.toString(3 - i));
        }
        HttpResponse<String> refused = api.get("/api/v1/_fixtures/limited", alice);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(Api.json(refused).path("requestId").asString()).isNotBlank();

        assertThat(new Api(port).get("/api/v1/_fixtures/limited", tokens.user()).statusCode()).isEqualTo(200);
    }

    @Test
    void malformedRequestsGiveTheirTokenBackSoOnlyWellFormedOnesCount() {
        String alice = tokens.user();
        List<HttpResponse<String>> rejected = List.of(
                api.postJson("/api/v1/_fixtures/limited", "{\"name\":\"\",\"count\":9}", alice),
                api.postJson("/api/v1/_fixtures/limited", "{\"name\":", alice),
                api.send(api.request("/api/v1/_fixtures/limited").header("Authorization", "Bearer " + alice)
                        .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("x"))),
                // chunked, so that it is found too large while read, after the limits were taken
                api.send(api.request("/api/v1/_fixtures/limited").header("Authorization", "Bearer " + alice)
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofInputStream(
                                () -> new ByteArrayInputStream(("{\"name\":\"" + "n".repeat(2 << 20) + "\"}")
                                        .getBytes(StandardCharsets.UTF_8))))));
        assertThat(rejected).extracting(HttpResponse::statusCode).containsExactly(400, 400, 415, 413);
        for (HttpResponse<String> response : rejected) {
            assertThat(response.headers().firstValue("RateLimit-Limit")).hasValue("3");
            assertThat(response.headers().firstValue("RateLimit-Remaining")).hasValue("3");
            assertThat(response.headers().allValues("RateLimit-Remaining")).hasSize(1);
        }

        for (int i = 1; i <= 3; i++) {
            HttpResponse<String> response = api.postJson("/api/v1/_fixtures/limited", "{\"name\":\"ok\",\"count\":1}",
                    alice);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("RateLimit-Remaining")).hasValue(Integer.toString(3 - i));
        }
        assertThat(api.postJson("/api/v1/_fixtures/limited", "{\"name\":\"\"}", alice).statusCode()).isEqualTo(429);
    }

    @Test
    void refusedCredentialsStillCount() {
        String alice = tokens.user();
        for (int i = 1; i <= 3; i++) {
            HttpResponse<String> response = api.postJson("/api/v1/_fixtures/limited",
                    "{\"name\":\"ok\",\"count\":1,\"password\":\"guess-" + i + "\"}", alice);
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("RateLimit-Remaining")).hasValue(Integer.toString(3 - i));
        }
        HttpResponse<String> refused = api.postJson("/api/v1/_fixtures/limited",
                "{\"name\":\"ok\",\"count\":1,\"password\":\"open-sesame\"}", alice);
        assertThat(refused.statusCode()).isEqualTo(429);
    }

    @Test
    void malformedBatchImportsDoNotUseUpTheBulkLimit() {
        String alice = tokens.user();
        for (String body : List.of("{\"urls\":[]}", "{\"urls\":[\"ftp://example.org/a\"],\"format\":\"exe\"}",
                "{\"urls\":")) {
            HttpResponse<String> response = api.postJson("/api/v1/imports/batch", body, alice);
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.headers().firstValue("RateLimit-Limit")).hasValue("1000");
            assertThat(response.headers().firstValue("RateLimit-Remaining")).hasValue("1000");
        }
    }
}
