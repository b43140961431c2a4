package dev.encore.media;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The media tools ({@code encore.media.*}). The former {@code encore.ingest.ytdlp-path},
 * {@code encore.ingest.ffmpeg-path} and {@code encore.ingest.ffprobe-path} still work, with a
 * warning (see {@code MediaSettingsAliases}).
 *
 * @param ytdlpPath     the yt-dlp executable (a bare name is looked up on the PATH)
 * @param ffmpegPath    the ffmpeg executable
 * @param ffprobePath   the ffprobe executable
 * @param probeTimeout  longest one ffprobe reading or cover extraction may take
 * @param ytdlpSpareIdle how long a yt-dlp started ahead of time ({@link YtDlpSpare}) waits for an
 *                      import's run before it is stopped; 0 starts yt-dlp for each run instead
 */
@Validated
@ConfigurationProperties("encore.media")
public record MediaProperties(
        @NotNull @DefaultValue("yt-dlp") Path ytdlpPath,
        @NotNull @DefaultValue("ffmpeg") Path ffmpegPath,
        @NotNull @DefaultValue("ffprobe") Path ffprobePath,
        @NotNull @DefaultValue("1m") Duration probeTimeout,
        @NotNull @DefaultValue("10m") Duration ytdlpSpareIdle) {
}
