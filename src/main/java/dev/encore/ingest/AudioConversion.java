package dev.encore.ingest;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.encore.media.Ffmpeg;

/** The ffmpeg command that turns a fetched source into the requested {@link AudioFormat}. */
final class AudioConversion {

    private final Ffmpeg ffmpeg;

    AudioConversion(Ffmpeg ffmpeg) {
        this.ffmpeg = ffmpeg;
    }

    List<String> command(Path source, Path cover, Path target, AudioFormat format, Map<String, String> tags) {
        return ffmpeg.convert(source, format.supportsCoverArt() ? cover : null, target, format.encoderArgs(), tags);
    }
}
