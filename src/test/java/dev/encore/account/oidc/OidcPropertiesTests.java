package dev.encore.account.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

/** A half-configured provider stops the start, naming what is missing; none configured is no feature at all. */
class OidcPropertiesTests {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(OidcProperties.class)
    static class Properties {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Properties.class);

    @Test
    void noProviderIsNoFeature() {
        context.run(started -> {
            assertThat(started).hasNotFailed();
            assertThat(started.getBean(OidcProperties.class).enabled()).isFalse();
        });
    }

    @Test
    void aProviderWithoutAClientIdStopsTheStartNamingIt() {
        context.withPropertyValues("encore.security.oidc.providers.keycloak.issuer-uri=https://sso.example.org/realms/home")
                .run(started -> assertThat(started).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("encore.security.oidc")
                        .hasMessageContaining("providers[keycloak].clientId").hasMessageContaining("must not be blank"));
    }

    @Test
    void aProviderWithoutAnIssuerStopsTheStartNamingIt() {
        context.withPropertyValues("encore.security.oidc.providers.keycloak.client-id=encore")
                .run(started -> assertThat(started).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("encore.security.oidc").hasMessageContaining("providers[keycloak].issuerUri"));
    }

    @Test
    void aProviderIdMustFitTheCallbackUrl() {
        context.withPropertyValues("encore.security.oidc.providers.Bad_Id.issuer-uri=https://sso.example.org",
                "encore.security.oidc.providers.Bad_Id.client-id=encore")
                .run(started -> assertThat(started).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("lower-case letters, digits or dashes"));
    }

    @Test
    void aCompleteProviderBindsWithItsDefaults() {
        context.withPropertyValues("encore.security.oidc.providers.keycloak.issuer-uri=https://sso.example.org/realms/home",
                "encore.security.oidc.providers.keycloak.client-id=encore").run(started -> {
                    OidcProperties.Provider provider = started.getBean(OidcProperties.class).providers().get("keycloak");
                    assertThat(provider.scopes()).containsExactly("openid", "profile", "email");
                    assertThat(provider.allowRegistration()).isFalse();
                    assertThat(provider.confidential()).isFalse();
                    assertThat(provider.label("keycloak")).isEqualTo("keycloak");
                });
    }

    @Test
    void discoveryWaitsFiveSecondsByDefaultAndNeverForEver() {
        context.run(started -> assertThat(started.getBean(OidcProperties.class).discoveryTimeout())
                .isEqualTo(java.time.Duration.ofSeconds(5)));
        context.withPropertyValues("encore.security.oidc.discovery-timeout=0s")
                .run(started -> assertThat(started).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("discoveryTimeout"));
    }
}
