package dev.encore.platform.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * The settings that decide which beans Encore has (its own {@code @ConditionalOnProperty} switches,
 * the auto-configurations left out, the cache's kind). An ahead-of-time start
 * ({@code -Dspring.aot.enabled=true}) runs the bean set the build worked out, so the build records
 * these values ({@link AotBuildSettingsRecorder}) and the start compares them
 * ({@link AotSettingsGuard}): a switch flipped after the build would otherwise be ignored without a
 * word, a bucket configured and blobs still written to the local disk, say.
 */
final class AotBuildSettings {

    /** Where the build puts its record, in the jar. */
    static final String RESOURCE = "META-INF/encore/aot-build-settings.properties";

    /** Every property a bean condition reads; {@code AotBuildSettingsTests} checks Encore's code against it. */
    static final List<String> KEYS = List.of("spring.autoconfigure.exclude", "spring.cache.type",
            "encore.storage.type", "encore.messaging.fan-out", "encore.upload.clamav.enabled");

    private AotBuildSettings() {
    }

    /**
     * The values of {@link #KEYS} as {@code environment} binds them (relaxed names, so
     * {@code ENCORE_STORAGE_TYPE} counts), lower case; a list joined with commas; unset is "".
     */
    static Map<String, String> of(Environment environment) {
        Binder binder = Binder.get(environment);
        Map<String, String> values = new TreeMap<>();
        for (String key : KEYS) {
            List<String> value = binder.bind(key, Bindable.listOf(String.class)).orElse(List.of());
            values.put(key, String.join(",", value.stream().map(part -> part.trim().toLowerCase(Locale.ROOT))
                    .filter(part -> !part.isEmpty()).toList()));
        }
        return values;
    }

    static String write(Map<String, String> values) {
        Properties properties = new Properties();
        properties.putAll(values);
        StringWriter text = new StringWriter();
        try {
            properties.store(text, "the bean-deciding settings Encore's ahead-of-time build was made with");
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        // without the date line Properties writes: the same build makes the same jar
        return text.toString().lines().filter(line -> !line.startsWith("#") || line.contains("Encore"))
                .collect(java.util.stream.Collectors.joining("\n", "", "\n"));
    }

    /** The build's record, or an empty map in a jar built without it. */
    static Map<String, String> recorded(ClassLoader classLoader) {
        Map<String, String> values = new TreeMap<>();
        try (InputStream in = classLoader.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(in);
                properties.stringPropertyNames().forEach(key -> values.put(key, properties.getProperty(key)));
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return values;
    }
}
