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

    /** @throws UnsafeSettingException when it is set empty: everything would land in the working directory */
    static Path resolve(Environment environment) {
        String dir = environment.getProperty(PROPERTY, "./data");
        if (dir.isBlank()) {
            throw new UnsafeSettingException(PROPERTY, "must name a directory (it is empty; the default is ./data)");
        }
        return Path.of(dir.strip()).toAbsolutePath().normalize();
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
