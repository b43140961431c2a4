package dev.encore.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;

/**
 * An ahead-of-time start runs the bean set its build worked out: a start whose bean-deciding
 * settings differ from the build's is refused before any bean exists, and the list of those
 * settings keeps up with Encore's bean conditions.
 */
class AotSettingsGuardTests {

    private static final Map<String, String> EMBEDDED_BUILD = AotBuildSettings.of(new MockEnvironment()
            .withProperty("spring.autoconfigure.exclude[0]", "org.example.RedisAutoConfiguration")
            .withProperty("spring.autoconfigure.exclude[1]", "org.example.RabbitAutoConfiguration"));

    @Test
    void theBuildsOwnSettingsPassWhicheverWayTheyAreWritten() {
        assertThat(EMBEDDED_BUILD).containsEntry("spring.autoconfigure.exclude",
                "org.example.redisautoconfiguration,org.example.rabbitautoconfiguration")
                .containsEntry("encore.storage.type", "").containsOnlyKeys(AotBuildSettings.KEYS);
        assertThatCode(() -> AotSettingsGuard.check(new MockEnvironment().withProperty("spring.autoconfigure.exclude",
                "org.example.RedisAutoConfiguration, org.example.RabbitAutoConfiguration"), EMBEDDED_BUILD))
                .doesNotThrowAnyException();
        // a production box keeps the build's components: prod only sets values
        MockEnvironment prod = new MockEnvironment().withProperty("spring.autoconfigure.exclude",
                "org.example.RedisAutoConfiguration,org.example.RabbitAutoConfiguration");
        prod.setActiveProfiles("prod");
        assertThatCode(() -> AotSettingsGuard.check(prod, EMBEDDED_BUILD)).doesNotThrowAnyException();
    }

    @Test
    void refusesTheDistributedProfile() {
        MockEnvironment distributed = new MockEnvironment();
        distributed.setActiveProfiles("distributed");
        assertThatThrownBy(() -> AotSettingsGuard.check(distributed, Map.of()))
                .isInstanceOf(UnsafeSettingException.class)
                .hasMessageContaining("Unsafe ahead-of-time setting spring.profiles.active")
                .hasMessageContaining("embedded mode");
    }

    @Test
    void refusesASwitchFlippedAfterTheBuildAlsoFromTheEnvironment() {
        StandardEnvironment bucket = new StandardEnvironment();
        bucket.getPropertySources().addFirst(new SystemEnvironmentPropertySource("env",
                Map.of("ENCORE_STORAGE_TYPE", "S3")));
        bucket.getPropertySources().addFirst(new MapPropertySource("yaml", Map.of(
                "spring.autoconfigure.exclude", "org.example.RedisAutoConfiguration,org.example.RabbitAutoConfiguration")));
        assertThatThrownBy(() -> AotSettingsGuard.check(bucket, EMBEDDED_BUILD))
                .isInstanceOf(UnsafeSettingException.class)
                .hasMessageContaining("setting encore.storage.type: is \"s3\" where the ahead-of-time build has unset");

        assertThatThrownBy(() -> AotSettingsGuard.check(new MockEnvironment().withProperty("spring.autoconfigure.exclude",
                "org.example.RedisAutoConfiguration"), EMBEDDED_BUILD))
                .isInstanceOf(UnsafeSettingException.class)
                .hasMessageContaining("spring.autoconfigure.exclude");
        assertThatThrownBy(() -> AotSettingsGuard.check(new MockEnvironment()
                .withProperty("spring.autoconfigure.exclude", "org.example.RedisAutoConfiguration,org.example.RabbitAutoConfiguration")
                .withProperty("encore.upload.clamav.enabled", "true"), EMBEDDED_BUILD))
                .hasMessageContaining("encore.upload.clamav.enabled");
    }

    @Test
    void theReportSaysHowToStartInstead() {
        UnsafeSettingException refused = new UnsafeSettingException("encore.storage.type", "is \"s3\"",
                AotSettingsGuard.MODE);
        FailureAnalysis analysis = new UnsafeSettingFailureAnalyzer().analyze(refused, refused);
        assertThat(analysis.getDescription()).startsWith("Encore refuses this ahead-of-time start (-Dspring.aot.enabled=true): "
                + "encore.storage.type");
        assertThat(analysis.getAction()).contains("Start without -Dspring.aot.enabled=true");
    }

    @Test
    void theBuildsRecordReadsBackAsWritten(@TempDir Path classes) throws IOException {
        Path resource = classes.resolve(AotBuildSettings.RESOURCE);
        Files.createDirectories(resource.getParent());
        Files.writeString(resource, AotBuildSettings.write(EMBEDDED_BUILD));
        try (URLClassLoader loader = new URLClassLoader(new URL[] { classes.toUri().toURL() }, null)) {
            assertThat(AotBuildSettings.recorded(loader)).isEqualTo(EMBEDDED_BUILD);
        }
        try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
            assertThat(AotBuildSettings.recorded(empty)).as("a jar built without the record").isEmpty();
        }
    }

    /** A new property condition in Encore's code must join the settings the guard compares. */
    @Test
    void everyPropertyConditionOfEncoreIsCompared() throws IOException {
        Pattern condition = Pattern.compile("@ConditionalOn(?:Boolean)?Property\\((?:name\\s*=\\s*|value\\s*=\\s*)?\"([^\"]+)\"");
        Set<String> read = new TreeSet<>();
        Set<String> profiles = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
                String code = Files.readString(source);
                Matcher matcher = condition.matcher(code);
                while (matcher.find()) {
                    read.add(matcher.group(1));
                }
                if (code.contains("@Profile(") || code.contains("@ConditionalOnExpression(")) {
                    profiles.add(source.toString());
                }
            }
        }
        assertThat(read).as("the scan finds Encore's conditions").contains("encore.storage.type");
        assertThat(AotBuildSettings.KEYS).containsAll(read);
        assertThat(profiles).as("bean conditions the guard cannot compare").isEmpty();
    }
}
