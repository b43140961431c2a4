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
 *
 * <p>Actuator's Jackson 2 endpoint mapper is left out: Encore's endpoints and actuator's write JSON
 * with Jackson 3, and Jackson 2 is on the class path only for swagger-core, whose API description
 * makes its own mappers. Made at start, that unused mapper was built on the start's own thread
 * (docs/performance.md, sixteenth round).
 */
@SpringBootApplication(excludeName = "org.springframework.boot.actuate.autoconfigure.endpoint.jackson.Jackson2EndpointAutoConfiguration")
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
