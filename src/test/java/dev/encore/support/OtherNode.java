package dev.encore.support;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import dev.encore.EncoreApplication;

/**
 * Another Encore node beside the test application, in distributed mode on the same services: a data
 * directory of its own, the first node's secrets and rate-limit key prefix, no JobRunr worker.
 * Closing the context stops the node; starting one again on the same data directory is a restart.
 */
public final class OtherNode {

    private OtherNode() {
    }

    /** Starts a node like {@code firstNode} on a random port; {@code extraArgs} are more {@code --name=value}s. */
    public static ConfigurableApplicationContext start(Environment firstNode, Path dataDir, String... extraArgs) {
        List<String> args = new ArrayList<>(List.of("--server.port=0",
                "--encore.data-dir=" + dataDir,
                "--encore.security.jwt-secret=" + firstNode.getRequiredProperty("encore.security.jwt-secret"),
                "--encore.security.secret-box-key=" + firstNode.getRequiredProperty("encore.security.secret-box-key"),
                "--encore.ratelimit.key-prefix=" + firstNode.getRequiredProperty("encore.ratelimit.key-prefix"),
                "--encore.ratelimit.limits.fixture.capacity=3",
                "--encore.ratelimit.limits.fixture.period=1h",
                "--encore.security.trusted-proxies=127.0.0.1/32",
                "--encore.security.admin-registration-key=" + IntegrationTest.ADMIN_KEY,
                // the same console format as the first node: logging is one per JVM
                "--encore.logging.format=json",
                "--jobrunr.background-job-server.enabled=false"));
        args.addAll(List.of(extraArgs));
        ServicesProfile.properties().forEach((name, value) -> args.add("--" + name + "=" + value));
        return new SpringApplicationBuilder(EncoreApplication.class).profiles("distributed")
                .run(args.toArray(String[]::new));
    }

    /** The port a node listens on. */
    public static int port(ConfigurableApplicationContext node) {
        return Integer.parseInt(node.getEnvironment().getRequiredProperty("local.server.port"));
    }
}
