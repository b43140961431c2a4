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
            "encore.security.trusted-proxies   | proxy.internal    | encore.security.trusted-proxies[0] | must be an IP address or CIDR range",
            "encore.security.trusted-proxies   | 10.0.0.0/99       | encore.security.trusted-proxies[0] | must be an IP address or CIDR range",
            "encore.ingest.trusted-networks    | 10.0.0.0/99       | encore.ingest.trustedNetworks[0]  | must be an IP address or CIDR range",
            "encore.ingest.trusted-networks    | internal.example  | encore.ingest.trustedNetworks[0]  | must be an IP address or CIDR range",
            "encore.quota.default-bytes        | -5                | encore.quota.default-bytes         | must not be negative",
            "encore.delivery.link-ttl          | -1m               | encore.delivery.link-ttl           | must be at least 1 second",
            "encore.delivery.stream-url-ttl    | -1s               | encore.delivery.stream-url-ttl     | must not be negative",
            "encore.ingest.result-ttl          | 0s                | encore.ingest.result-ttl           | must be at least 1 second",
            "encore.ingest.max-filesize        | 0B                | encore.ingest.max-filesize         | must be at least 1 bytes",
            "encore.ingest.socket-timeout      | 0s                | encore.ingest.socket-timeout       | must be at least 1 second",
            "encore.ingest.socket-timeout      | 30d               | encore.ingest.socket-timeout       | must be at most 1 hour",
            "encore.ingest.timeout             | -1s               | encore.ingest.timeout              | must be at least 1 second",
            "encore.ingest.max-duration        | 0s                | encore.ingest.max-duration         | must be at least 1 second",
            "encore.ingest.shutdown-grace      | -1s               | encore.ingest.shutdown-grace       | must not be negative",
            "encore.account.access-token-ttl   | -5m               | encore.account.access-token-ttl    | must be at least 1 second",
            "encore.account.session-idle-timeout | 0s              | encore.account.session-idle-timeout | must be at least 1 second" })
    void refusesToStartNamingTheProperty(String property, String value, String reported, String allowed,
            CapturedOutput output) {
        SpringApplicationBuilder app = new SpringApplicationBuilder(EncoreApplication.class)
                .web(WebApplicationType.NONE);
        assertThatThrownBy(() -> app.run("--encore.data-dir=" + dataDir, "--" + property + "=" + value,
                "--jobrunr.background-job-server.enabled=false").close()).isNotNull();
        assertThat(output.getAll()).contains(reported).contains(allowed);
    }
}
