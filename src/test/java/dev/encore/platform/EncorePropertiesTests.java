package dev.encore.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The public URL's origin is one browsers may call from, beside the configured ones. */
class EncorePropertiesTests {

    @Test
    void thePublicUrlsOriginJoinsTheAllowedOrigins() {
        EncoreProperties encore = at("HTTPS://Media.Example.org/encore/");
        assertThat(encore.publicOrigin()).isEqualTo("https://media.example.org");
        assertThat(encore.browserOrigins(List.of("https://app.example.org")))
                .containsExactly("https://app.example.org", "https://media.example.org");
        assertThat(encore.browserOrigins(List.of("https://media.example.org"))).containsExactly("https://media.example.org");
        assertThat(at("http://localhost:8080").browserOrigins(List.of())).containsExactly("http://localhost:8080");
        assertThat(encore.browserOrigins(List.of("*"))).as("any origin stays any").containsExactly("*");
    }

    private static EncoreProperties at(String publicUrl) {
        return new EncoreProperties(Path.of("data"), URI.create(publicUrl), Duration.ofSeconds(30));
    }
}
