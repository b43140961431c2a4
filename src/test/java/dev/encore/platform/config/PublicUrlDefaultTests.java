package dev.encore.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;

/** The public URL follows the port Encore listens on unless a setting names it. */
class PublicUrlDefaultTests {

    private static String publicUrl(MockEnvironment environment) {
        new PublicUrlDefaultEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
        return environment.getProperty("encore.public-url");
    }

    @Test
    void anUnsetPublicUrlNamesTheConfiguredPort() {
        assertThat(publicUrl(new MockEnvironment().withProperty("server.port", "8091")))
                .isEqualTo("http://localhost:8091");
        assertThat(publicUrl(new MockEnvironment().withProperty("server.port", " 8080 "))).isEqualTo("http://localhost:8080");
    }

    @Test
    void aSetPublicUrlWinsWhereverItComesFrom() {
        assertThat(publicUrl(new MockEnvironment().withProperty("server.port", "8091")
                .withProperty("encore.public-url", "https://media.example.org"))).isEqualTo("https://media.example.org");

        StandardEnvironment fromTheEnvironment = new StandardEnvironment();
        fromTheEnvironment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("env",
                Map.of("ENCORE_PUBLIC_URL", "https://media.example.org", "SERVER_PORT", "8091")));
        new PublicUrlDefaultEnvironmentPostProcessor().postProcessEnvironment(fromTheEnvironment, new SpringApplication());
        assertThat(fromTheEnvironment.getProperty("encore.public-url")).isEqualTo("https://media.example.org");
        assertThat(fromTheEnvironment.getPropertySources().contains(PublicUrlDefaultEnvironmentPostProcessor.SOURCE))
                .isFalse();
    }

    @Test
    void aRandomOrBrokenPortKeepsTheBuiltInDefault() {
        assertThat(publicUrl(new MockEnvironment().withProperty("server.port", "0"))).isNull();
        assertThat(publicUrl(new MockEnvironment().withProperty("server.port", "eighty"))).isNull();
        assertThat(publicUrl(new MockEnvironment().withProperty("server.port", "70000"))).isNull();
        assertThat(publicUrl(new MockEnvironment())).isNull();
    }

    @Test
    void theDefaultGoesLastSoALaterSourceStillWins() {
        MockEnvironment environment = new MockEnvironment().withProperty("server.port", "8091");
        publicUrl(environment);
        environment.getPropertySources().addFirst(new MapPropertySource("later",
                Map.of("encore.public-url", "https://later.example.org")));
        assertThat(environment.getProperty("encore.public-url")).isEqualTo("https://later.example.org");
    }
}
