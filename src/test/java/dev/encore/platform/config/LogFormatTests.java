package dev.encore.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.env.MockEnvironment;

/** {@code encore.logging.format}: human lines by default, ECS JSON when asked and in prod. */
class LogFormatTests {

    private static final String STRUCTURED = "logging.structured.format.console";

    @Test
    void humanLinesByDefault() {
        MockEnvironment environment = new MockEnvironment();
        process(environment);
        assertThat(environment.getProperty(STRUCTURED)).isNull();
    }

    @Test
    void jsonMeansElasticCommonSchema() {
        MockEnvironment environment = new MockEnvironment().withProperty(LogFormat.PROPERTY, "JSON");
        process(environment);
        assertThat(environment.getProperty(STRUCTURED)).isEqualTo("ecs");
    }

    @Test
    void aStructuredFormatTheOperatorChoseWins() {
        MockEnvironment environment = new MockEnvironment().withProperty(LogFormat.PROPERTY, "json")
                .withProperty(STRUCTURED, "logstash");
        process(environment);
        assertThat(environment.getProperty(STRUCTURED)).isEqualTo("logstash");
    }

    @Test
    void theProdProfileLogsJson() throws IOException {
        MockEnvironment environment = new MockEnvironment();
        new YamlPropertySourceLoader().load("prod", new ClassPathResource("application-prod.yaml"))
                .forEach(environment.getPropertySources()::addFirst);
        assertThat(LogFormat.json(environment)).isTrue();
    }

    @Test
    void anUnknownFormatStopsTheStartNamingTheProperty() {
        MockEnvironment environment = new MockEnvironment().withProperty(LogFormat.PROPERTY, "xml");
        assertThatThrownBy(() -> process(environment)).hasMessageContaining("encore.logging.format")
                .hasMessageContaining("human or json");
    }

    private static void process(MockEnvironment environment) {
        new LogFormatEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
    }
}
