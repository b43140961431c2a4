package dev.encore.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.encore.EncoreApplication;
import dev.encore.support.Api;
import dev.encore.support.IntegrationTest;
import dev.encore.support.ServicesProfile;

/**
 * Two nodes on one Redis count requests in the same buckets, so a client cannot multiply its
 * allowance by spreading requests over nodes. Only meaningful in distributed mode.
 */
@EnabledIfSystemProperty(named = "encore.it.services", matches = "true",
        disabledReason = "buckets are shared through Redis only in the services (distributed) run")
class SharedRateLimitIT extends IntegrationTest {

    @Test
    void bucketsAreSharedAcrossNodes() {
        try (ConfigurableApplicationContext secondNode = startSecondNode()) {
            int secondPort = Integer.parseInt(secondNode.getEnvironment().getProperty("local.server.port"));
            Api nodeA = api;
            String token = tokens.user();
            assertThat(nodeA.get("/api/v1/_fixtures/limited", token).statusCode()).isEqualTo(200);
            assertThat(nodeA.get("/api/v1/_fixtures/limited", token).statusCode()).isEqualTo(200);

            Api nodeB = new Api(secondPort);
            var third = nodeB.get("/api/v1/_fixtures/limited", token);
            assertThat(third.statusCode()).isEqualTo(200);
            assertThat(third.headers().firstValue("RateLimit-Remaining")).hasValue("0");
            assertThat(nodeB.get("/api/v1/_fixtures/limited", token).statusCode()).isEqualTo(429);
            assertThat(nodeA.get("/api/v1/_fixtures/limited", token).statusCode()).isEqualTo(429);
        }
    }

    private static ConfigurableApplicationContext startSecondNode() {
        List<String> args = new ArrayList<>(List.of("--server.port=0",
                "--encore.ratelimit.key-prefix=" + rateLimitKeyPrefix(),
                "--encore.ratelimit.limits.fixture.capacity=3",
                "--encore.ratelimit.limits.fixture.period=1h",
                "--encore.security.trusted-proxies=127.0.0.1/32",
                "--jobrunr.background-job-server.enabled=false"));
        ServicesProfile.properties().forEach((name, value) -> args.add("--" + name + "=" + value));
        return new SpringApplicationBuilder(EncoreApplication.class).profiles("distributed")
                .run(args.toArray(String[]::new));
    }
}
