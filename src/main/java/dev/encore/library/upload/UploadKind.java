package dev.encore.library.upload;

import java.util.Map;
import java.util.Optional;

/** What an upload is, decided from its bytes (never its name or the client's content type). */
public enum UploadKind {
    AUDIO, VIDEO, IMAGE, PDF;

    /** Detected types Encore accepts, and what they are. */
    private static final Map<String, UploadKind> ACCEPTED = Map.ofEntries(
            Map.entry("audio/mpeg", AUDIO), Map.entry("audio/flac", AUDIO), Map.entry("audio/x-flac", AUDIO),
            Map.entry("audio/ogg", AUDIO), Map.entry("audio/opus", AUDIO), Map.entry("audio/vorbis", AUDIO),
            Map.entry("audio/mp4", AUDIO), Map.entry("audio/x-m4a", AUDIO), Map.entry("audio/aac", AUDIO),
            Map.entry("audio/vnd.wave", AUDIO), Map.entry("audio/wav", AUDIO), Map.entry("audio/x-wav", AUDIO),
            Map.entry("video/mp4", VIDEO), Map.entry("video/webm", VIDEO), Map.entry("video/x-matroska", VIDEO),
            Map.entry("video/quicktime", VIDEO),
            Map.entry("image/jpeg", IMAGE), Map.entry("image/png", IMAGE), Map.entry("image/webp", IMAGE),
            Map.entry("application/pdf", PDF));

    static Optional<UploadKind> of(String detectedType) {
        return Optional.ofNullable(ACCEPTED.get(detectedType));
    }
}
