package dev.encore.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.FailureAnalysis;
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

    @Test
    void anEmptyOrDamagedSecretBoxKeyStopsTheStartWithATwoLineReportAndIsNeverReplaced() throws Exception {
        Path file = dataDir.resolve("secrets.properties");
        for (String line : List.of("encore.security.secret-box-key=", "encore.security.secret-box-key=   ",
                "encore.security.secret-box-key=abc def ghi jkl mno pqr stu vwx yz0 123",
                "encore.security.secret-box-key=short")) {
            String content = "encore.security.jwt-secret=kept-jwt-secret-0123456789abcdefghijklmnop\n" + line + "\n";
            Files.writeString(file, content);

            MissingSettingException stopped = catchThrowableOfType(MissingSettingException.class,
                    () -> process(environment()));

            assertThat(stopped).as(line).isNotNull();
            FailureAnalysis report = new MissingSettingFailureAnalyzer().analyze(stopped);
            assertThat(report.getDescription()).as(line).startsWith("Encore cannot start: encore.security.secret-box-key ")
                    .contains(file.toString(), "will not replace it");
            assertThat(report.getAction()).contains("Put the key back", "delete the line", "ENCORE_SECURITY_SECRET_BOX_KEY");
            assertThat(Files.readString(file)).as("nothing written").isEqualTo(content);
        }
    }

    @Test
    void aFileWithoutTheLineGetsANewSecretBoxKeyAndAGoodOneIsKept() throws Exception {
        Path file = dataDir.resolve("secrets.properties");
        Files.writeString(file, "encore.security.jwt-secret=kept-jwt-secret-0123456789abcdefghijklmnop\n");
        MockEnvironment fresh = environment();
        process(fresh);
        String made = fresh.getProperty("encore.security.secret-box-key");
        assertThat(made).hasSizeGreaterThanOrEqualTo(43);
        assertThat(Files.readString(file)).contains("encore.security.secret-box-key=" + made);

        MockEnvironment again = environment();
        process(again);
        assertThat(again.getProperty("encore.security.secret-box-key")).isEqualTo(made);
    }

    private MockEnvironment environment() {
        return new MockEnvironment().withProperty("encore.data-dir", dataDir.toString());
    }

    private static void process(MockEnvironment environment) {
        new GeneratedSecretsEnvironmentPostProcessor(new DeferredLogs())
                .postProcessEnvironment(environment, new SpringApplication());
    }
}
