package dev.encore.ingest.pipeline;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.encore.ingest.imports.AudioFormat;
import dev.encore.media.Ffmpeg;

/** The ffmpeg command that turns a fetched source into the requested {@link AudioFormat}. */
public final class AudioConversion {

    private final Ffmpeg ffmpeg;

    public AudioConversion(Ffmpeg ffmpeg) {
        this.ffmpeg = ffmpeg;
    }

    List<String> command(Path source, Path cover, Path target, AudioFormat format, Map<String, String> tags) {
        return ffmpeg.convert(source, format.supportsCoverArt() ? cover : null, target, format.encoderArgs(), tags);
    }
}
