package dev.encore.platform.config;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes every file path from settings absolute, once, here, against the directory Encore was
 * started in: {@code encore.data-dir} (and so every {@code ${encore.data-dir}/…} placeholder:
 * the H2 file, the disk-space check), the local blob store's directory, the cookies file, and
 * tool paths given as paths rather than bare names (a bare {@code ffmpeg} is looked up on the
 * PATH). Nothing later resolves a relative path against a tool's working directory. Then creates
 * the data directory (owner-only) before the database, blob store or secret generation need it,
 * so a fresh checkout starts with no preparation.
 */
public class DataDirectoryEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE = "encoreAbsolutePaths";

    /** Settings that name files or directories. */
    static final List<String> FILE_PATHS = List.of("encore.storage.local.path", "encore.ingest.cookies-file");

    /** Settings that name executables: a bare name is left for the PATH lookup. */
    static final List<String> EXECUTABLES = List.of("encore.media.ytdlp-path", "encore.media.ffmpeg-path",
            "encore.media.ffprobe-path");

    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 5;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> absolute = new LinkedHashMap<>();
        absolute.put(DataDirectory.PROPERTY, DataDirectory.resolve(environment).toString());
        FILE_PATHS.forEach(key -> absolute(environment, key, false).ifPresent(path -> absolute.put(key, path)));
        EXECUTABLES.forEach(key -> absolute(environment, key, true).ifPresent(path -> absolute.put(key, path)));
        environment.getPropertySources().addFirst(new MapPropertySource(SOURCE, absolute));
        DataDirectory.create(DataDirectory.resolve(environment));
    }

    private static java.util.Optional<String> absolute(ConfigurableEnvironment environment, String key,
            boolean executable) {
        String value = environment.getProperty(key);
        if (value == null || value.isBlank() || (executable && !value.contains("/"))) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(Path.of(value.strip()).toAbsolutePath().normalize().toString());
    }
}
