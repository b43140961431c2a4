package dev.encore.library.video;

import java.util.UUID;

import dev.encore.media.VideoRendition;

/**
 * One rendition of a processed video's HLS ladder ({@code 720p}, ..., {@code audio}): a row of
 * {@code video_renditions}.
 *
 * @param videoId          the video
 * @param name             {@code 720p}, ..., {@code audio}
 * @param width            pixels (0 for audio)
 * @param height           pixels (0 for audio)
 * @param bandwidth        peak bits per second
 * @param averageBandwidth average bits per second
 * @param codecs           the RFC 6381 codecs string
 * @param frameRate        frames per second (0 for audio)
 */
public record Rendition(UUID videoId, String name, int width, int height, long bandwidth, long averageBandwidth,
        String codecs, double frameRate) {

    public Rendition(UUID videoId, VideoRendition made) {
        this(videoId, made.name(), made.width(), made.height(), made.bandwidth(), made.averageBandwidth(),
                made.codecs(), made.frameRate());
    }
}
