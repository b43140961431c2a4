package dev.encore.platform.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import org.springframework.core.env.Environment;

/** The node's data directory ({@code encore.data-dir}), resolved and created before anything uses it. */
final class DataDirectory {

    static final String PROPERTY = "encore.data-dir";

    private DataDirectory() {
    }

    static Path resolve(Environment environment) {
        return Path.of(environment.getProperty(PROPERTY, "./data")).toAbsolutePath().normalize();
    }

    static Path create(Path dir) {
        try {
            return OwnerOnlyFiles.createDirectories(dir);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot create the data directory " + dir + " (" + PROPERTY + ")", ex);
        }
    }
}
