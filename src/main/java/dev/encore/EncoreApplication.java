package dev.encore;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import dev.encore.platform.TerminationSignals;

/**
 * Encore, a self-hostable media platform server.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class EncoreApplication {

    public static void main(String[] args) {
        TerminationSignals.exitCleanlyOnTerm();
        SpringApplication.run(EncoreApplication.class, args);
    }
}
