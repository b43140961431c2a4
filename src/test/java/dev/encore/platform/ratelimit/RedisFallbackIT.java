package dev.encore.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import dev.encore.support.Api;
import dev.encore.support.IntegrationTest;

/** Buckets in a Redis that is not there: the service keeps limiting with local buckets. */
@DirtiesContext // a context of its own: see IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = {
        "encore.ratelimit.store=redis",
        "spring.autoconfigure.exclude[0]=org.springframework.boot.data.redis.autoconfigure.DataRedisRepositoriesAutoConfiguration",
        "spring.data.redis.host=127.0.0.1",
        // this context shares the suite's database: it must not take the other context's import
        // jobs (their progress would be pushed to this context's clients), nor fan out through the dead Redis
        "jobrunr.background-job-server.enabled=false",
        "encore.messaging.fan-out=local" })
class RedisFallbackIT extends IntegrationTest {

    @DynamicPropertySource
    static void deadRedis(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.port", RedisFallbackIT::closedPort);
    }

    @Test
    void keepsServingAndLimitingWithLocalBucketsReportsItAndLogsItOnce(CapturedOutput output) {
        String token = tokens.user();
        for (int i = 1; i <= 40; i++) {
            HttpResponse<String> response = api.get("/api/v1/_fixtures/client", token);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("RateLimit-Remaining")).hasValue(Integer.toString(40 - i));
        }
        assertThat(api.get("/api/v1/_fixtures/client", token).statusCode()).isEqualTo(429);

        var limiter = Api.json(api.get("/actuator/health", tokens.admin())).path("components").path("rateLimiter");
        assertThat(limiter.path("status").asString()).isEqualTo("DEGRADED");
        assertThat(limiter.path("details").path("store").asString()).isEqualTo("local-fallback");

        String metrics = api.get("/actuator/prometheus", tokens.admin()).body();
        assertThat(metrics).containsPattern("encore_ratelimit_fallbacks_total\\{[^}]*\\} [1-9]");
        assertThat(metrics).containsPattern("encore_ratelimit_degraded\\{[^}]*\\} 1");

        assertThat(output.getOut().lines().filter(line -> line.contains("Redis is unreachable for rate limiting")))
                .hasSize(1);
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }
}
