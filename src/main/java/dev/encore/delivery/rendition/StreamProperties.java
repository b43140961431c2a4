package dev.encore.delivery.rendition;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Streaming ({@code encore.stream.*}).
 *
 * @param renditionCacheSize how much of the blob store transcoded renditions may use, across all
 *                           nodes; least recently used go first
 * @param transcodeTimeout   longest one transcode may take
 * @param maxConcurrentTranscodes ffmpeg processes a node runs at once for renditions (0: one per
 *                           core); further new renditions queue
 * @param maxQueuedTranscodes renditions a node makes or queues at once; a request for yet another
 *                           new one answers 503 {@code transcoder-busy}
 * @param renditionWait      how long a request waits for a rendition being made before it answers
 *                           503 {@code rendition-pending} with {@code Retry-After} (the transcode goes on)
 */
@Validated
@ConfigurationProperties("encore.stream")
record StreamProperties(@NotNull @DefaultValue("2GB") DataSize renditionCacheSize,
        @NotNull @DefaultValue("10m") Duration transcodeTimeout,
        @PositiveOrZero @DefaultValue("0") int maxConcurrentTranscodes,
        @Min(1) @DefaultValue("64") int maxQueuedTranscodes,
        @NotNull @DefaultValue("20s") Duration renditionWait) {

    /** ffmpeg processes this node runs at once. */
    int effectiveConcurrentTranscodes() {
        return maxConcurrentTranscodes > 0 ? maxConcurrentTranscodes : Runtime.getRuntime().availableProcessors();
    }
}
