package dev.encore.delivery.rendition;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The audio formats tracks can be transcoded to for streaming, with their ffmpeg encoder and
 * container.
 */
public enum RenditionFormat {
    MP3("audio/mpeg", "mp3", 128, 0, List.of("-c:a", "libmp3lame", "-f", "mp3")),
    /** libopus refuses more than 256 kbit/s per channel: a mono source's 320 is made at 256. */
    OPUS("audio/ogg", "opus", 96, 256, List.of("-c:a", "libopus", "-f", "ogg")),
    AAC("audio/mp4", "m4a", 128, 0, List.of("-c:a", "aac", "-movflags", "+faststart", "-f", "ipod"));

    /**
     * The bitrates offered (kbit/s): a ladder, not any number, so that one track has at most a
     * couple of dozen renditions and nobody can fill the cache or the CPU with near-duplicates.
     */
    public static final List<Integer> BITRATES = List.of(64, 96, 128, 160, 192, 256, 320);

    private final String mimeType;
    private final String extension;
    private final int defaultBitrate;
    /** The most kbit/s the encoder takes per channel of the source; 0: no limit within {@link #BITRATES}. */
    private final int maxPerChannel;
    private final List<String> encoder;

    RenditionFormat(String mimeType, String extension, int defaultBitrate, int maxPerChannel, List<String> encoder) {
        this.mimeType = mimeType;
        this.extension = extension;
        this.defaultBitrate = defaultBitrate;
        this.maxPerChannel = maxPerChannel;
        this.encoder = encoder;
    }

    public static Optional<RenditionFormat> of(String value) {
        for (RenditionFormat format : values()) {
            if (format.value().equalsIgnoreCase(value)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String mimeType() {
        return mimeType;
    }

    public String extension() {
        return extension;
    }

    public int defaultBitrate() {
        return defaultBitrate;
    }

    /**
     * Whether {@code bitrate} may be more than the encoder takes for some sources (a mono one): only
     * then is the source's channel count worth reading before a transcode.
     */
    boolean limitedAt(int bitrate) {
        return maxPerChannel > 0 && bitrate > maxPerChannel;
    }

    /**
     * The bitrate to encode a source of {@code channels} at when {@code requested} is asked for: the
     * request, capped at what the encoder takes for that many channels (opus: 256 kbit/s each).
     */
    int bitrateFor(int requested, int channels) {
        return maxPerChannel > 0 ? Math.min(requested, maxPerChannel * Math.max(1, channels)) : requested;
    }

    /** ffmpeg's output options after {@code -map 0:a:0}: encoder and container. */
    List<String> encoder() {
        return encoder;
    }
}
