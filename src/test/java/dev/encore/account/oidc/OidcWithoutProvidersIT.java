package dev.encore.account.oidc;

import static dev.encore.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

import dev.encore.support.Api;
import dev.encore.support.IntegrationTest;
import dev.encore.support.TestAccounts.Account;

/**
 * The default: no identity provider configured. Every OIDC endpoint answers as the feature's own
 * refusals say, and the code exchange's clients (Apache HttpClient, TLS, Spring Security's OAuth 2.0
 * client: about 600 classes) are never made (docs/performance.md, fifteenth round).
 */
class OidcWithoutProvidersIT extends IntegrationTest {

    @Autowired
    private ConfigurableApplicationContext context;

    @Test
    void everyEndpointAnswersWithoutProvidersAndTheCodeExchangeIsNeverMade() {
        HttpResponse<String> providers = api.get("/api/v1/auth/oidc/providers");
        assertThat(providers.statusCode()).isEqualTo(200);
        assertThat(Api.json(providers).isArray()).isTrue();
        assertThat(Api.json(providers).size()).isZero();
        assertProblem(api.get("/api/v1/auth/oidc/keycloak/authorize"), 404, "oidc-provider-not-found");
        HttpResponse<String> callback = api.get("/api/v1/auth/oidc/keycloak/callback?state=abc&code=def");
        assertThat(callback.statusCode()).isEqualTo(302);
        assertThat(callback.headers().firstValue("Location")).hasValue("/sign-in?oidc-error=oidc-state-invalid");

        Account user = users.user();
        HttpResponse<String> mine = api.get("/api/v1/me/connections", user.accessToken());
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(Api.json(mine).path("items").size()).isZero();
        assertThat(Api.json(mine).path("hasPassword").asBoolean()).isTrue();
        assertProblem(api.send("POST", "/api/v1/me/connections/keycloak", user.accessToken(), null), 404,
                "oidc-provider-not-found");
        assertProblem(api.send("DELETE", "/api/v1/me/connections/keycloak", user.accessToken(), null), 404,
                "oidc-not-connected");

        assertThat(context.getBeanFactory().containsSingleton("idTokens")).as("the code exchange's clients, made")
                .isFalse();
    }
}
