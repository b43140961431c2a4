package dev.encore.platform;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where Encore keeps its data and how it is reached.
 *
 * @param dataDir       root of everything Encore stores on this node (database, blobs, index,
 *                      generated secrets); created on start
 * @param publicUrl     the address users reach Encore at, used in links Encore hands out
 * @param shutdownGrace how long in-flight requests may run on after a termination request
 */
@Validated
@ConfigurationProperties("encore")
public record EncoreProperties(
        @NotNull @DefaultValue("./data") Path dataDir,
        @NotNull @DefaultValue("http://localhost:8080") URI publicUrl,
        @NotNull @DefaultValue("30s") Duration shutdownGrace) {

    /**
     * The origin (scheme, host and port, lower case) of {@link #publicUrl}: pages served there are
     * Encore's own, whatever address a request reached this node by (a proxy that rewrites Host).
     */
    public String publicOrigin() {
        String origin = publicUrl.getScheme() + "://" + publicUrl.getHost();
        return (publicUrl.getPort() == -1 ? origin : origin + ":" + publicUrl.getPort()).toLowerCase(Locale.ROOT);
    }

    /** The origins browsers may call from: the public URL's and {@code allowed} (unless that is {@code *}). */
    public List<String> browserOrigins(List<String> allowed) {
        if (allowed.contains("*")) {
            return allowed;
        }
        List<String> origins = new ArrayList<>(allowed);
        if (origins.stream().noneMatch(publicOrigin()::equalsIgnoreCase)) {
            origins.add(publicOrigin());
        }
        return List.copyOf(origins);
    }
}
