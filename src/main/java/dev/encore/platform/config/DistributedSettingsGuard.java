package dev.encore.platform.config;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;

/**
 * Refuses to start the {@code distributed} profile on settings that would split one service into
 * nodes that disagree: a local blob store that the operator has not declared shared by every node
 * ({@code encore.storage.local.shared=true}, an NFS mount say). Each node would keep its own
 * files, answer 404 for the others', and could take another node's blobs for lost. Runs before any
 * bean exists, like {@link ProductionSettingsGuard}.
 */
public class DistributedSettingsGuard implements EnvironmentPostProcessor, Ordered {

    static final String PROFILE = "distributed";

    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 21;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.matchesProfiles(PROFILE)) {
            check(environment);
        }
    }

    static void check(Environment environment) {
        String type = environment.getProperty("encore.storage.type", "local");
        if ("local".equalsIgnoreCase(type.trim())
                && !environment.getProperty("encore.storage.local.shared", Boolean.class, false)) {
            throw new UnsafeSettingException("encore.storage.local.shared", "must be true to keep blobs in a local "
                    + "directory: every node must see the same one (an NFS mount, say); or use a bucket with "
                    + "encore.storage.type=s3 and encore.storage.s3.*", PROFILE);
        }
    }
}
