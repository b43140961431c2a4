package dev.encore.delivery;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Streaming ({@code encore.stream.*}).
 *
 * @param renditionCacheSize how much disk transcoded renditions may use on each node
 *                           ({@code ${encore.data-dir}/renditions}); least recently used go first
 * @param transcodeTimeout   longest one transcode may take
 * @param maxConcurrentTranscodes ffmpeg processes a node runs at once for renditions (0: one per
 *                           core); requests for new renditions wait their turn
 */
@Validated
@ConfigurationProperties("encore.stream")
public record StreamProperties(@NotNull @DefaultValue("2GB") DataSize renditionCacheSize,
        @NotNull @DefaultValue("10m") Duration transcodeTimeout,
        @PositiveOrZero @DefaultValue("0") int maxConcurrentTranscodes) {
}
