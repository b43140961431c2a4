package dev.encore.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;

@ExtendWith(OutputCaptureExtension.class)
class GeneratedSecretsTests {

    @TempDir
    Path dataDir;

    @Test
    void generatesMissingSecretsOnceOwnerOnlyAndReusesThem(CapturedOutput output) throws Exception {
        MockEnvironment first = environment();
        DeferredLogs logs = new DeferredLogs();
        new GeneratedSecretsEnvironmentPostProcessor(logs).postProcessEnvironment(first, new SpringApplication());
        logs.switchOverAll();
        String jwt = first.getProperty("encore.security.jwt-secret");
        String adminKey = first.getProperty("encore.security.admin-registration-key");
        assertThat(jwt).hasSizeGreaterThanOrEqualTo(43);
        assertThat(adminKey).hasSizeGreaterThanOrEqualTo(24).isNotEqualTo(jwt);

        Path file = dataDir.resolve("secrets.properties");
        assertThat(Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

        MockEnvironment second = environment();
        process(second);
        assertThat(second.getProperty("encore.security.jwt-secret")).isEqualTo(jwt);
        assertThat(second.getProperty("encore.security.admin-registration-key")).isEqualTo(adminKey);
        assertThat(output.getAll()).contains("Generated encore.security.jwt-secret", "owner-only")
                .doesNotContain(jwt, first.getProperty("encore.security.secret-box-key"));
        assertThat(output.getAll().split(java.util.regex.Pattern.quote(adminKey), -1))
                .as("the admin key is logged exactly once, at generation").hasSize(2);
        assertThat(output.getAll()).contains("ADMIN REGISTRATION KEY (shown this once)", "|      " + adminKey);
    }

    @Test
    void knowsWhichValuesItGenerated() {
        MockEnvironment generated = environment();
        process(generated);
        assertThat(GeneratedSecretsEnvironmentPostProcessor.generated(generated,
                GeneratedSecretsEnvironmentPostProcessor.ADMIN_KEY)).isTrue();

        MockEnvironment operatorSet = environment().withProperty(GeneratedSecretsEnvironmentPostProcessor.ADMIN_KEY,
                "the-operator's-key");
        process(operatorSet);
        assertThat(GeneratedSecretsEnvironmentPostProcessor.generated(operatorSet,
                GeneratedSecretsEnvironmentPostProcessor.ADMIN_KEY)).isFalse();
    }

    @Test
    void keepsSecretsTheOperatorSet() {
        MockEnvironment environment = environment().withProperty("encore.security.jwt-secret", "operator-chosen-secret-of-enough-length");
        process(environment);
        assertThat(environment.getProperty("encore.security.jwt-secret")).isEqualTo("operator-chosen-secret-of-enough-length");
        assertThat(environment.getProperty("encore.security.admin-registration-key")).isNotBlank();
    }

    @Test
    void generatesNothingInProd() {
        MockEnvironment environment = environment();
        environment.setActiveProfiles("prod");
        process(environment);
        assertThat(environment.getProperty("encore.security.jwt-secret")).isNull();
        assertThat(dataDir.resolve("secrets.properties")).doesNotExist();
    }

    private MockEnvironment environment() {
        return new MockEnvironment().withProperty("encore.data-dir", dataDir.toString());
    }

    private static void process(MockEnvironment environment) {
        new GeneratedSecretsEnvironmentPostProcessor(new DeferredLogs())
                .postProcessEnvironment(environment, new SpringApplication());
    }
}
