package dev.encore.platform.config;

import java.util.Map;

import org.springframework.aot.AotDetector;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;

/**
 * Refuses an ahead-of-time start ({@code -Dspring.aot.enabled=true}) whose settings would need
 * other beans than the build worked out: the {@code distributed} profile (Redis, RabbitMQ, the
 * shared caches), or any of {@link AotBuildSettings#KEYS} changed since the build. Spring evaluates
 * bean conditions once, in the build, and would go on with the build's beans without a word. Runs
 * before any bean exists, like {@link ProductionSettingsGuard}; a plain start is not checked.
 */
public class AotSettingsGuard implements EnvironmentPostProcessor, Ordered {

    static final String MODE = "aot";

    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 19; // before the profiles' own checks: their rules assume the plain start
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (AotDetector.useGeneratedArtifacts()) {
            check(environment, AotBuildSettings.recorded(application.getClassLoader()));
        }
    }

    static void check(Environment environment, Map<String, String> built) {
        if (environment.matchesProfiles(DistributedSettingsGuard.PROFILE)) {
            throw new UnsafeSettingException("spring.profiles.active", "names the distributed profile, whose Redis, "
                    + "RabbitMQ and shared caches are not in the ahead-of-time build, which is made for the embedded "
                    + "mode", MODE);
        }
        Map<String, String> now = AotBuildSettings.of(environment);
        built.forEach((key, value) -> {
            if (!value.equals(now.get(key))) {
                throw new UnsafeSettingException(key, "is " + shown(now.get(key)) + " where the ahead-of-time build has "
                        + shown(value) + "; it decides which components exist, which the build fixed", MODE);
            }
        });
    }

    private static String shown(String value) {
        return value == null || value.isEmpty() ? "unset" : "\"" + value + "\"";
    }
}
