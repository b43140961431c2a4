package dev.encore.media.config;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Keeps the media tool settings that used to live under {@code encore.ingest.*} working: an old
 * key (in any form: YAML, system property, {@code ENCORE_INGEST_FFMPEG_PATH}) is read as its
 * {@code encore.media.*} successor, with one warning at start naming the new key. When both are
 * set, the new key wins and the warning says the old one is ignored. Runs before the setting
 * paths are made absolute, so an aliased path is made absolute like any other.
 */
public class MediaSettingsAliases implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE = "encoreMediaSettingAliases";

    /** Deprecated key → its replacement. */
    static final Map<String, String> ALIASES = aliases();

    private final Log log;

    public MediaSettingsAliases(DeferredLogFactory logs) {
        this.log = logs.getLog(MediaSettingsAliases.class);
    }

    private static Map<String, String> aliases() {
        Map<String, String> aliases = new LinkedHashMap<>();
        aliases.put("encore.ingest.ytdlp-path", "encore.media.ytdlp-path");
        aliases.put("encore.ingest.ffmpeg-path", "encore.media.ffmpeg-path");
        aliases.put("encore.ingest.ffprobe-path", "encore.media.ffprobe-path");
        return Map.copyOf(aliases);
    }

    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 1;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Binder binder = Binder.get(environment);
        Map<String, Object> mapped = new LinkedHashMap<>();
        ALIASES.forEach((old, current) -> binder.bind(old, Bindable.of(String.class)).ifBound(value -> {
            if (binder.bind(current, Bindable.of(String.class)).isBound()) {
                log.warn("Setting " + old + " is deprecated and ignored: " + current + " is set too");
            }
            else {
                mapped.put(current, value);
                log.warn("Setting " + old + " is deprecated: use " + current + " (the old key still works for now)");
            }
        }));
        if (!mapped.isEmpty()) {
            environment.getPropertySources().addFirst(new MapPropertySource(SOURCE, mapped));
        }
    }
}
