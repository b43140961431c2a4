package dev.encore.platform.config;

import org.springframework.core.env.Environment;

/** How start-up reports name the data directory: its path when the settings are known. */
final class DataDirectoryDescription {

    private DataDirectoryDescription() {
    }

    static String of(Environment environment) {
        if (environment == null) {
            return "the data directory (" + DataDirectory.PROPERTY + ")";
        }
        try {
            return "the data directory " + DataDirectory.resolve(environment) + " (" + DataDirectory.PROPERTY + ")";
        }
        catch (RuntimeException unresolvable) {
            return "the data directory (" + DataDirectory.PROPERTY + ")";
        }
    }
}
