package dev.encore.library.upload;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Uploads ({@code encore.upload.*}).
 *
 * @param maxBytes   largest file (413 above; also bounds the multipart request and a tus upload's length)
 * @param dailyBytes what one user may upload in 24 hours
 * @param ttl        how long an upload waits to become library content (or a tus upload to be finished)
 *                   before it is deleted
 * @param clamav     the malware scan
 */
@Validated
@ConfigurationProperties("encore.upload")
record UploadProperties(@NotNull @DefaultValue("2GB") DataSize maxBytes,
        @NotNull @DefaultValue("10GB") DataSize dailyBytes, @NotNull @DefaultValue("24h") Duration ttl,
        @NotNull @Valid @DefaultValue ClamAv clamav) {

    /**
     * The ClamAV scan of every upload through clamd's INSTREAM command ({@code encore.upload.clamav.*}).
     *
     * @param enabled  scan every upload (off by default: Encore runs without clamd)
     * @param host     clamd's TCP address ({@code TCPAddr})
     * @param port     clamd's TCP port ({@code TCPSocket})
     * @param timeout  connect timeout and longest wait for any answer from clamd
     * @param failOpen accept uploads (with a warning in the log) while clamd is unreachable; by
     *                 default they are refused with 503
     */
    public record ClamAv(@DefaultValue("false") boolean enabled, @NotBlank @DefaultValue("127.0.0.1") String host,
            @Min(1) @Max(65535) @DefaultValue("3310") int port, @NotNull @DefaultValue("30s") Duration timeout,
            @DefaultValue("false") boolean failOpen) {
    }
}
