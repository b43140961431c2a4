package dev.encore.media;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Video processing ({@code encore.video.*}): the HLS ladder, posters, thumbnails and storyboards
 * made by ffmpeg for every video.
 *
 * @param workers            videos this node processes at once
 * @param ffmpegThreads      threads one ffmpeg run may use (0: ffmpeg decides, about one per core)
 * @param jobTimeout         longest one video's processing may take before it fails for good
 * @param segmentLength      length of one HLS segment, also the keyframe interval of every rendition
 * @param ladder             rendition sizes by the short side of the picture (1080 is 1920x1080
 *                           landscape and 1080x1920 portrait); none is made above the source
 * @param storyboardInterval time between two storyboard frames (made longer for long videos, so
 *                           that there are at most about 200 frames)
 */
@Validated
@ConfigurationProperties("encore.video")
public record VideoProperties(
        @Min(1) @Max(64) @DefaultValue("1") int workers,
        @Min(0) @Max(64) @DefaultValue("0") int ffmpegThreads,
        @NotNull @DefaultValue("2h") Duration jobTimeout,
        @NotNull @DefaultValue("4s") Duration segmentLength,
        @NotEmpty @DefaultValue({ "1080", "720", "480", "360", "240" }) List<@NotNull @Min(144) @Max(4320) Integer> ladder,
        @NotNull @DefaultValue("5s") Duration storyboardInterval) {

    public VideoProperties {
        ladder = ladder == null ? null : List.copyOf(ladder);
    }

    @AssertTrue(message = "encore.video.job-timeout must be at least 1 minute")
    boolean isJobTimeoutValid() {
        return jobTimeout == null || jobTimeout.compareTo(Duration.ofMinutes(1)) >= 0;
    }

    @AssertTrue(message = "encore.video.segment-length must be between 1s and 30s")
    boolean isSegmentLengthValid() {
        return segmentLength == null
                || segmentLength.compareTo(Duration.ofSeconds(1)) >= 0 && segmentLength.compareTo(Duration.ofSeconds(30)) <= 0;
    }

    @AssertTrue(message = "encore.video.storyboard-interval must be between 1s and 10m")
    boolean isStoryboardIntervalValid() {
        return storyboardInterval == null || storyboardInterval.compareTo(Duration.ofSeconds(1)) >= 0
                && storyboardInterval.compareTo(Duration.ofMinutes(10)) <= 0;
    }
}
