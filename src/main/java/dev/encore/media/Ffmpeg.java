package dev.encore.media;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Command lines for ffmpeg ({@code encore.media.ffmpeg-path}): conversions of imports, transcoded
 * renditions and cover extraction. Metadata values are single arguments after
 * {@code -metadata key=value}, so titles with quotes, semicolons or {@code $(...)} stay text.
 * Progress is machine-readable on standard output ({@code -progress pipe:1}).
 */
public final class Ffmpeg {

    private final Path executable;

    public Ffmpeg(Path executable) {
        this.executable = executable;
    }

    /**
     * Converts {@code source} to {@code target} with the given encoder arguments and tags,
     * embedding {@code cover} (may be null) where the container can hold it.
     */
    public List<String> convert(Path source, Path cover, Path target, List<String> encoderArgs,
            Map<String, String> tags) {
        List<String> args = new ArrayList<>(List.of(executable.toString(), "-hide_banner", "-nostdin", "-y",
                "-loglevel", "error", "-progress", "pipe:1", "-i", source.toString()));
        if (cover != null) {
            args.addAll(List.of("-i", cover.toString(), "-map", "0:a:0", "-map", "1:v:0", "-c:v", "mjpeg",
                    "-disposition:v:0", "attached_pic"));
        }
        else {
            args.addAll(List.of("-map", "0:a:0"));
        }
        return encodeTo(args, target, encoderArgs, tags);
    }

    /**
     * Converts what arrives on standard input (a download still under way) to {@code target}, like
     * {@link #convert}; with {@code cover}, the input's own attached picture is embedded. The input
     * may use no protocol but the pipe, so a crafted stream cannot make ffmpeg open URLs or files.
     */
    public List<String> convertStdin(boolean cover, Path target, List<String> encoderArgs, Map<String, String> tags) {
        List<String> args = stdinAudio();
        if (cover) {
            args.addAll(List.of("-map", "0:v:0", "-c:v", "mjpeg", "-disposition:v:0", "attached_pic"));
        }
        return encodeTo(args, target, encoderArgs, tags);
    }

    /**
     * Converts what arrives on standard input to {@code target} like
     * {@link #convertStdin(boolean, Path, List, Map)}, embedding the local picture {@code cover}
     * (may be null: none), which ffmpeg may read only as a file.
     */
    public List<String> convertStdin(Path cover, Path target, List<String> encoderArgs, Map<String, String> tags) {
        return encodeTo(cover == null ? stdinAudio() : stdinAudioAndPicture(cover), target, encoderArgs, tags);
    }

    /**
     * Converts what arrives on standard input to {@code target} like
     * {@link #convertStdin(Path, Path, List, Map)}, but decided before anything of the input is
     * known: the input's own title, artist and album are kept where {@code tags} gives none (its
     * container's tags first, then its audio stream's, as ffprobe reports them), so no probe of the
     * input need run before ffmpeg starts. The embedded picture is {@code cover} when not null, else
     * with {@code ownCover} the input's first video stream if it has one, for containers whose only
     * video can be a picture.
     */
    public List<String> convertStdinKeepingTags(Path cover, boolean ownCover, Path target, List<String> encoderArgs,
            Map<String, String> tags) {
        List<String> args = cover != null ? stdinAudioAndPicture(cover) : stdinAudio();
        if (cover == null && ownCover) {
            args.addAll(List.of("-map", "0:v:0?", "-c:v", "mjpeg", "-disposition:v:0", "attached_pic"));
        }
        // ffmpeg fills each key from the first -map_metadata that has it; -metadata then overrides
        args.addAll(List.of("-map_metadata", "0", "-map_metadata", "0:s:a:0", "-map_metadata:s", "-1",
                "-metadata", "duration=")); // a Matroska stream's length tag, not the result's
        return withTags(args, target, encoderArgs, tags);
    }

    /** Standard input's first audio stream. */
    private List<String> stdinAudio() {
        List<String> args = stdinInput();
        args.addAll(List.of("-map", "0:a:0"));
        return args;
    }

    /** Standard input's first audio stream and the local picture {@code cover}, read only as a file. */
    private List<String> stdinAudioAndPicture(Path cover) {
        List<String> args = stdinInput();
        args.addAll(List.of("-protocol_whitelist", "file", "-i", cover.toString(), "-map", "0:a:0", "-map", "1:v:0",
                "-c:v", "mjpeg", "-disposition:v:0", "attached_pic"));
        return args;
    }

    private List<String> stdinInput() {
        return new ArrayList<>(List.of(executable.toString(), "-hide_banner", "-y", "-loglevel", "error", "-progress",
                "pipe:1", "-protocol_whitelist", "pipe", "-i", "pipe:0"));
    }

    /**
     * Ends a conversion's arguments, the same whatever its input: no tags from the source (only
     * {@code tags}, in a stable order, blank ones left out), the encoder, then {@code target}.
     */
    private static List<String> encodeTo(List<String> args, Path target, List<String> encoderArgs,
            Map<String, String> tags) {
        args.addAll(List.of("-map_metadata", "-1"));
        return withTags(args, target, encoderArgs, tags);
    }

    /** The encoder, {@code tags} in a stable order (blank ones left out), then {@code target}. */
    private static List<String> withTags(List<String> args, Path target, List<String> encoderArgs,
            Map<String, String> tags) {
        args.addAll(encoderArgs);
        new TreeMap<>(tags).forEach((key, value) -> {
            if (value != null && !value.isBlank()) {
                args.addAll(List.of("-metadata", key + "=" + value));
            }
        });
        args.add(target.toString());
        return args;
    }

    /**
     * Transcodes the first audio stream of the local file {@code source} to {@code target} at
     * {@code bitrateKbps} with the given encoder arguments, keeping its tags; ffmpeg may open no
     * other file or URL.
     */
    public List<String> transcodeAudio(Path source, Path target, int bitrateKbps, List<String> encoderArgs) {
        List<String> args = new ArrayList<>(List.of(executable.toString(), "-hide_banner", "-nostdin", "-loglevel",
                "error", "-nostats", "-progress", "pipe:1", "-y", "-protocol_whitelist", "file", "-i",
                source.toString(), "-map", "0:a:0", "-vn", "-map_metadata", "0", "-b:a", bitrateKbps + "k"));
        args.addAll(encoderArgs);
        args.add(target.toString());
        return args;
    }

    /**
     * Copies the embedded cover picture of the local file {@code media} (its first video stream,
     * never re-encoded) to {@code cover}.
     */
    public List<String> extractCover(Path media, Path cover) {
        return List.of(executable.toString(), "-hide_banner", "-nostdin", "-v", "error", "-y", "-protocol_whitelist",
                "file", "-i", media.toString(), "-map", "0:v:0", "-an", "-c:v", "copy", "-frames:v", "1", "-f", "image2",
                cover.toString());
    }

    /**
     * Encodes the local picture {@code picture} (a rendered slide) to WebP twice: as it is to
     * {@code full}, and scaled to {@code thumbWidth} x {@code thumbHeight} to {@code thumb}.
     */
    public List<String> slideImages(Path picture, Path full, Path thumb, int thumbWidth, int thumbHeight) {
        return List.of(executable.toString(), "-hide_banner", "-nostdin", "-v", "error", "-y", "-protocol_whitelist",
                "file", "-i", picture.toString(), "-filter_complex",
                "[0:v]split=2[full][small];[small]scale=" + thumbWidth + ":" + thumbHeight + ":flags=lanczos[thumb]",
                "-map", "[full]", "-frames:v", "1", "-c:v", "libwebp", "-quality", "85", "-f", "webp", full.toString(),
                "-map", "[thumb]", "-frames:v", "1", "-c:v", "libwebp", "-quality", "80", "-f", "webp",
                thumb.toString());
    }

    /** The {@code out_time_us} of a progress line in microseconds, or -1. */
    public static long progressMicros(String line) {
        if (!line.startsWith("out_time_us=")) {
            return -1;
        }
        try {
            return Long.parseLong(line.substring("out_time_us=".length()).trim());
        }
        catch (NumberFormatException ex) {
            return -1;
        }
    }
}
