package dev.encore.library;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Uploads ({@code encore.upload.*}).
 *
 * @param maxBytes   largest file (413 above; also bounds the multipart request)
 * @param dailyBytes what one user may upload in 24 hours
 * @param ttl        how long an upload waits to become library content before it is deleted
 */
@Validated
@ConfigurationProperties("encore.upload")
public record UploadProperties(@NotNull @DefaultValue("2GB") DataSize maxBytes,
        @NotNull @DefaultValue("10GB") DataSize dailyBytes, @NotNull @DefaultValue("24h") Duration ttl) {
}
