package dev.encore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.encore.support.Api;
import dev.encore.support.IntegrationTest;
import dev.encore.support.ServicesProfile;
import dev.encore.support.TestAccounts;

/**
 * Two nodes on one database and Redis behave as one service: rate-limit buckets are shared, and
 * a logout on one node kills the access token on the other. Only meaningful in distributed mode.
 */
@EnabledIfSystemProperty(named = "encore.it.services", matches = "true",
        disabledReason = "buckets are shared through Redis only in the services (distributed) run")
class TwoNodesIT extends IntegrationTest {

    @Test
    void logoutOnOneNodeRejectsTheTokenOnTheOther() {
        try (ConfigurableApplicationContext secondNode = startSecondNode()) {
            Api nodeB = new Api(port(secondNode));
            TestAccounts.Account account = users.user();
            assertThat(nodeB.get("/api/v1/me", account.accessToken()).statusCode()).isEqualTo(200);
            assertThat(api.send("POST", "/api/v1/auth/logout", account.accessToken(), null).statusCode()).isEqualTo(204);
            assertThat(nodeB.get("/api/v1/me", account.accessToken()).statusCode()).isEqualTo(401);
            assertThat(new TestAccounts(nodeB).refresh(account.refreshToken()).statusCode()).isEqualTo(401);
        }
    }

    @Test
    void bucketsAreSharedAcrossNodes() {
        try (ConfigurableApplicationContext secondNode = startSecondNode()) {
            int secondPort = port(secondNode);
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

    private static int port(ConfigurableApplicationContext node) {
        return Integer.parseInt(node.getEnvironment().getProperty("local.server.port"));
    }

    private static ConfigurableApplicationContext startSecondNode() {
        List<String> args = new ArrayList<>(List.of("--server.port=0",
                "--encore.ratelimit.key-prefix=" + rateLimitKeyPrefix(),
                "--encore.ratelimit.limits.fixture.capacity=3",
                "--encore.ratelimit.limits.fixture.period=1h",
                "--encore.security.trusted-proxies=127.0.0.1/32",
                "--encore.security.admin-registration-key=" + ADMIN_KEY,
                // the same console format as the first node: logging is one per JVM
                "--encore.logging.format=json",
                "--jobrunr.background-job-server.enabled=false"));
        ServicesProfile.properties().forEach((name, value) -> args.add("--" + name + "=" + value));
        return new SpringApplicationBuilder(EncoreApplication.class).profiles("distributed")
                .run(args.toArray(String[]::new));
    }
}
