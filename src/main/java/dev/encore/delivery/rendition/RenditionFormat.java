package dev.encore.delivery.rendition;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The audio formats tracks can be transcoded to for streaming, with their ffmpeg encoder and
 * container.
 */
public enum RenditionFormat {
    MP3("audio/mpeg", "mp3", 128, List.of("-c:a", "libmp3lame", "-f", "mp3")),
    OPUS("audio/ogg", "opus", 96, List.of("-c:a", "libopus", "-f", "ogg")),
    AAC("audio/mp4", "m4a", 128, List.of("-c:a", "aac", "-movflags", "+faststart", "-f", "ipod"));

    /**
     * The bitrates offered (kbit/s): a ladder, not any number, so that one track has at most a
     * couple of dozen renditions and nobody can fill the cache or the CPU with near-duplicates.
     */
    public static final List<Integer> BITRATES = List.of(64, 96, 128, 160, 192, 256, 320);

    private final String mimeType;
    private final String extension;
    private final int defaultBitrate;
    private final List<String> encoder;

    RenditionFormat(String mimeType, String extension, int defaultBitrate, List<String> encoder) {
        this.mimeType = mimeType;
        this.extension = extension;
        this.defaultBitrate = defaultBitrate;
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

    /** ffmpeg's output options after {@code -map 0:a:0}: encoder and container. */
    List<String> encoder() {
        return encoder;
    }
}
