package dev.encore.ingest.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import dev.encore.ingest.source.YtDlpOptions;
import dev.encore.platform.DataSizeMin;
import dev.encore.platform.IpRange;

/**
 * URL imports ({@code encore.ingest.*}); the tools themselves are set under {@code encore.media.*}.
 *
 * @param allowedHosts          hosts imports may come from, matched exactly or as a dot-suffix
 * @param trustedNetworks       IP addresses or CIDR ranges exempt from the private-address checks
 *                              (default none)
 * @param maxBatchUrls          links in one batch import
 * @param maxPlaylistItems      items taken from one playlist
 * @param maxConcurrentPerUser  imports one user may have running at once
 * @param resultTtl             how long finished files live unless saved to the library
 * @param maxFilesize           largest source file yt-dlp may fetch
 * @param socketTimeout         network inactivity timeout of one fetch (1s to 1h)
 * @param timeout               wall-clock limit of one tool run
 * @param maxDuration           longest media an import may fetch
 * @param workers               imports this node runs at once (0: one per CPU core)
 * @param maxQueued             imports waiting across the cluster before new ones get 503
 * @param shutdownGrace         how long running imports may finish on shutdown before they are
 *                              interrupted and re-queued (0 or more)
 * @param cookiesFile           an admin-managed cookies file (Netscape format) for yt-dlp, read
 *                              afresh for every run, so edits apply without a restart
 * @param extraOptions          extra yt-dlp options, limited to {@link YtDlpOptions#SAFE}
 */
@Validated
@ConfigurationProperties("encore.ingest")
public record IngestProperties(
        @NotEmpty @DefaultValue({ "youtube.com", "www.youtube.com", "m.youtube.com", "music.youtube.com", "youtu.be" })
        List<String> allowedHosts,
        @NotNull @DefaultValue({}) List<@NotNull @IpRange String> trustedNetworks,
        @Min(1) @Max(500) @DefaultValue("50") int maxBatchUrls,
        @Min(1) @Max(1000) @DefaultValue("100") int maxPlaylistItems,
        @Min(1) @Max(50) @DefaultValue("3") int maxConcurrentPerUser,
        @NotNull @DurationMin(seconds = 1, message = MIN_1S) @DefaultValue("1h") Duration resultTtl,
        @NotNull @DataSizeMin(bytes = 1) @DefaultValue("2GB") DataSize maxFilesize,
        @NotNull @DurationMin(seconds = 1, message = MIN_1S) @DurationMax(hours = 1, message = "must be at most 1 hour")
        @DefaultValue("30s") Duration socketTimeout,
        @NotNull @DurationMin(seconds = 1, message = MIN_1S) @DefaultValue("30m") Duration timeout,
        @NotNull @DurationMin(seconds = 1, message = MIN_1S) @DefaultValue("3h") Duration maxDuration,
        @Min(0) @Max(64) @DefaultValue("0") int workers,
        @Min(1) @Max(100000) @DefaultValue("1000") int maxQueued,
        @NotNull @DurationMin(message = "must not be negative") @DefaultValue("30s") Duration shutdownGrace,
        Path cookiesFile,
        @NotNull @DefaultValue({}) List<String> extraOptions) {

    private static final String MIN_1S = "must be at least 1 second";

    public IngestProperties {
        YtDlpOptions.requireSafe(extraOptions);
    }

    /** Imports this node runs at once. */
    public int effectiveWorkers() {
        return workers > 0 ? workers : Runtime.getRuntime().availableProcessors();
    }
}
