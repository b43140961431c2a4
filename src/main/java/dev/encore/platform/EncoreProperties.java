package dev.encore.platform;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

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
}
