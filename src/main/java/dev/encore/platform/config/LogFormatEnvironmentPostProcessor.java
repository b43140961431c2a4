package dev.encore.platform.config;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns {@code encore.logging.format=json} into Spring Boot's structured console logging (ECS)
 * before the logging system starts; {@code human} keeps Boot's readable lines. A
 * {@code logging.structured.format.console} the operator set wins.
 */
public class LogFormatEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    private static final String STRUCTURED_CONSOLE = "logging.structured.format.console";

    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 1;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (LogFormat.json(environment) && !environment.containsProperty(STRUCTURED_CONSOLE)) {
            environment.getPropertySources().addLast(new MapPropertySource("encoreLogFormat",
                    Map.of(STRUCTURED_CONSOLE, "ecs")));
        }
    }
}
