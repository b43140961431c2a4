package dev.encore.platform.config;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.mock.env.MockEnvironment;

import dev.encore.EncoreApplication;

class ProductionSettingsGuardTests {

    private static final String SECRET = "k3Jq9-vN2xLp0RzT7wYb4HcF6mDs8GaE1uQ5";

    @TempDir
    Path dataDir;

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', nullValues = "<unset>", value = {
            "encore.security.jwt-secret           | <unset>                             | must be set",
            "encore.security.jwt-secret           | short-secret                        | at least 32 bytes",
            "encore.security.jwt-secret           | aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa | too predictable",
            "encore.security.admin-registration-key | <unset>                           | must be set",
            "encore.security.secret-box-key       | <unset>                             | must be set",
            "encore.security.secret-box-key       | too-short-box-key                   | at least 32 bytes",
            "encore.security.allowed-origins      | *                                   | not *",
            "encore.public-url                    | http://media.example.org            | https://" })
    void prodRefusesToStartWithAnUnsafeSetting(String property, String value, String rule) {
        SpringApplicationBuilder app = new SpringApplicationBuilder(EncoreApplication.class)
                .web(WebApplicationType.NONE).profiles("prod");
        assertThatThrownBy(() -> app.run(safe(property, value)).close())
                .isInstanceOf(UnsafeSettingException.class)
                .hasMessageContaining(property).hasMessageContaining(rule);
    }

    @Test
    void safeSettingsPass() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("encore.security.jwt-secret", SECRET)
                .withProperty("encore.security.admin-registration-key", "admin-key-123")
                .withProperty("encore.security.secret-box-key", SECRET + "-box")
                .withProperty("encore.security.allowed-origins", "https://media.example.org")
                .withProperty("encore.public-url", "https://media.example.org");
        assertThatCode(() -> ProductionSettingsGuard.check(environment)).doesNotThrowAnyException();
    }

    private String[] safe(String property, String value) {
        java.util.Map<String, String> properties = new java.util.LinkedHashMap<>();
        properties.put("encore.data-dir", dataDir.toString());
        properties.put("encore.security.jwt-secret", SECRET);
        properties.put("encore.security.admin-registration-key", "admin-key-123");
        properties.put("encore.security.secret-box-key", SECRET + "-box");
        properties.put("encore.security.allowed-origins", "https://media.example.org");
        properties.put("encore.public-url", "https://media.example.org");
        if (value == null) {
            properties.remove(property);
        }
        else {
            properties.put(property, value);
        }
        return properties.entrySet().stream().map(entry -> "--" + entry.getKey() + "=" + entry.getValue()).toArray(String[]::new);
    }
}
