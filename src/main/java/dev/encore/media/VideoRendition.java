package dev.encore.media;

/**
 * One HLS rendition, as announced in {@code master.m3u8}.
 *
 * @param name             {@code 1080p} … {@code 240p} (the short side of the picture), or {@code audio}
 * @param width            picture width, 0 for the audio-only rendition
 * @param height           picture height, 0 for the audio-only rendition
 * @param bandwidth        peak bit rate of one segment, bits per second
 * @param averageBandwidth average bit rate over the whole video, bits per second
 * @param codecs           RFC 6381 codec string, e.g. {@code avc1.64001f,mp4a.40.2}
 * @param frameRate        frames per second, 0 for the audio-only rendition
 */
public record VideoRendition(String name, int width, int height, long bandwidth, long averageBandwidth, String codecs,
        double frameRate) {

    /** Whether this is the sound-only rendition. */
    public boolean audioOnly() {
        return width == 0;
    }
}
