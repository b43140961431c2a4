package dev.encore.platform.config;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start the {@code prod} profile with settings that are fine on a laptop and
 * dangerous on the internet: a missing or weak JWT secret or secret-box key, no admin
 * registration key, CORS open to every origin, or a public URL that is not https. Runs before
 * any bean exists, so nothing is served or written with an unsafe setting.
 */
public class ProductionSettingsGuard implements EnvironmentPostProcessor, Ordered {

    static final int MIN_SECRET_BYTES = 32;
    private static final int MIN_DISTINCT_CHARACTERS = 10;

    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 20;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (Arrays.asList(environment.getActiveProfiles()).contains("prod")) {
            check(environment);
        }
    }

    static void check(ConfigurableEnvironment environment) {
        checkSecret("encore.security.jwt-secret", environment.getProperty("encore.security.jwt-secret"));
        checkSecret("encore.security.secret-box-key", environment.getProperty("encore.security.secret-box-key"));
        String adminKey = environment.getProperty("encore.security.admin-registration-key");
        if (adminKey == null || adminKey.isBlank()) {
            throw new UnsafeSettingException("encore.security.admin-registration-key", "must be set");
        }
        List<String> origins = Binder.get(environment)
                .bind("encore.security.allowed-origins", Bindable.listOf(String.class))
                .orElse(List.of());
        if (origins.stream().anyMatch(origin -> origin.trim().equals("*"))) {
            throw new UnsafeSettingException("encore.security.allowed-origins", "must list explicit origins, not *");
        }
        String publicUrl = environment.getProperty("encore.public-url", "");
        if (!publicUrl.regionMatches(true, 0, "https://", 0, 8)) {
            throw new UnsafeSettingException("encore.public-url", "must be an https:// URL");
        }
    }

    private static void checkSecret(String property, String secret) {
        if (secret == null || secret.isBlank()) {
            throw new UnsafeSettingException(property, "must be set");
        }
        if (secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            throw new UnsafeSettingException(property, "must be at least " + MIN_SECRET_BYTES + " bytes long");
        }
        if (secret.chars().distinct().count() < MIN_DISTINCT_CHARACTERS) {
            throw new UnsafeSettingException(property, "is too predictable: use a random value (openssl rand -base64 48)");
        }
    }
}
