package dev.encore.platform.config;

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

/** A bad setting stops start-up with a report naming the property and what it accepts. */
@ExtendWith(OutputCaptureExtension.class)
class ConfigurationValidationTests {

    @TempDir
    Path dataDir;

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "encore.ratelimit.store            | memcached         | encore.ratelimit.store             | REDIS",
            "encore.security.allowed-origins   | media.example.org | encore.security.allowedOrigins[0]  | must be an origin such as https://media.example.org",
            "encore.http.max-json-body         | lots              | encore.http.max-json-body          | lots",
            "encore.ratelimit.general.capacity | 0                 | encore.ratelimit.general.capacity  | must be greater than 0",
            "encore.security.trusted-proxies   | proxy.internal    | encore.security.trusted-proxies[0] | must be an IP address or CIDR range" })
    void refusesToStartNamingTheProperty(String property, String value, String reported, String allowed,
            CapturedOutput output) {
        SpringApplicationBuilder app = new SpringApplicationBuilder(EncoreApplication.class)
                .web(WebApplicationType.NONE);
        assertThatThrownBy(() -> app.run("--encore.data-dir=" + dataDir, "--" + property + "=" + value,
                "--jobrunr.background-job-server.enabled=false").close()).isNotNull();
        assertThat(output.getAll()).contains(reported).contains(allowed);
    }
}
