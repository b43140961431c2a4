package dev.encore.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

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
}
