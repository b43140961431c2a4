package dev.encore.ingest.imports;

import java.util.List;
import java.util.Locale;

/**
 * The audio formats imports produce: a closed list, so a format can never carry anything onto a
 * command line. Each knows its container, encoder settings and whether it can hold cover art.
 */
public enum AudioFormat {

    MP3("mp3", "audio/mpeg", List.of("-c:a", "libmp3lame", "-q:a", "2"), true),
    M4A("m4a", "audio/mp4", List.of("-c:a", "aac", "-b:a", "192k"), true),
    AAC("aac", "audio/aac", List.of("-c:a", "aac", "-b:a", "192k", "-f", "adts", "-write_id3v2", "1"), false),
    OPUS("opus", "audio/ogg", List.of("-c:a", "libopus", "-b:a", "128k", "-vbr", "on"), false),
    FLAC("flac", "audio/flac", List.of("-c:a", "flac", "-compression_level", "8"), true),
    WAV("wav", "audio/wav", List.of("-c:a", "pcm_s16le"), false);

    private final String extension;
    private final String mimeType;
    private final List<String> encoderArgs;
    private final boolean coverArt;

    AudioFormat(String extension, String mimeType, List<String> encoderArgs, boolean coverArt) {
        this.extension = extension;
        this.mimeType = mimeType;
        this.encoderArgs = encoderArgs;
        this.coverArt = coverArt;
    }

    public String extension() {
        return extension;
    }

    public String mimeType() {
        return mimeType;
    }

    public List<String> encoderArgs() {
        return encoderArgs;
    }

    /** Whether the container can carry an embedded cover picture. */
    public boolean supportsCoverArt() {
        return coverArt;
    }

    /** The format named {@code value} (case-insensitive), as clients write it: {@code mp3}, {@code flac}, ... */
    public static AudioFormat of(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
