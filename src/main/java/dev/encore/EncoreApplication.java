package dev.encore;

import java.util.OptionalInt;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import dev.encore.platform.Commands;
import dev.encore.platform.TerminationSignals;

/**
 * Encore, a self-hostable media platform server. Started with {@code migrate-blobs} as its first
 * argument, it runs that command instead ({@link Commands}) and exits.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class EncoreApplication {

    public static void main(String[] args) {
        OptionalInt command = Commands.run(args);
        if (command.isPresent()) {
            System.exit(command.getAsInt());
        }
        TerminationSignals.exitCleanlyOnTerm();
        SpringApplication.run(EncoreApplication.class, args);
    }
}
