package dev.encore.platform.config;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives {@code encore.public-url}, when no setting names it, the port Encore listens on:
 * {@code http://localhost:{server.port}}. A user who starts Encore with {@code --server.port=8091}
 * and nothing else then gets signed stream links, problem types and invite links that lead back to
 * it, not to port 8080. The default sits last among the property sources, so any setting wins;
 * a random port ({@code 0}) cannot be known yet and keeps the record's default.
 */
public class PublicUrlDefaultEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE = "encorePublicUrlDefault";
    static final String PROPERTY = "encore.public-url";

    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 6;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty(PROPERTY)) {
            return;
        }
        Integer port = port(environment.getProperty("server.port"));
        if (port != null && port > 0 && port <= 65535) {
            environment.getPropertySources()
                    .addLast(new MapPropertySource(SOURCE, Map.of(PROPERTY, "http://localhost:" + port)));
        }
    }

    /** The port as set, or null when it is not a number (the web server's own check reports that). */
    private static Integer port(String value) {
        try {
            return value == null ? null : Integer.valueOf(value.strip());
        }
        catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
