package dev.encore.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.encore.EncoreApplication;

/** A storage setting that cannot work stops start-up with a report naming it. */
@ExtendWith(OutputCaptureExtension.class)
class StorageSettingsTests {

    @TempDir
    Path dataDir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "--encore.storage.type=s3                                              | encore.storage.s3.bucket must be set",
            "--encore.storage.type=tape                                            | encore.storage.type",
            "--encore.storage.s3.part-size=1MB                                     | encore.storage.s3.part-size must be at least 5MB",
            "--encore.storage.s3.key-prefix=/absolute                              | must be empty or path segments ending in /",
            "--encore.storage.s3.access-key-id=only-the-id                         | encore.storage.s3.access-key-id and secret-access-key are set together" })
    void refusesToStartNamingTheSetting(String setting, String reported, CapturedOutput output) {
        SpringApplicationBuilder app = new SpringApplicationBuilder(EncoreApplication.class)
                .web(WebApplicationType.NONE);
        assertThatThrownBy(() -> app.run("--encore.data-dir=" + dataDir, setting,
                "--jobrunr.background-job-server.enabled=false").close()).isNotNull();
        assertThat(output.getAll()).contains(reported);
    }
}
