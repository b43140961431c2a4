package dev.encore.media.video;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.encore.media.OutputFile;
import dev.encore.media.VideoOutput;
import dev.encore.media.VideoRendition;

/**
 * Completes and lists what one ffmpeg run made: the renditions' playlists tidied and measured,
 * {@code master.m3u8} and {@code storyboard.vtt} written, and every file named as it will be
 * served.
 */
public final class VideoOutputs {

    private VideoOutputs() {
    }

    /** Writes the master playlist and the storyboard's WebVTT into {@code dir} and lists every file. */
    public static VideoOutput collect(Path dir, VideoCommand command, double segmentSeconds, long durationMs)
            throws IOException {
        List<VideoRendition> renditions = new ArrayList<>();
        List<OutputFile> hls = new ArrayList<>();
        for (Ladder.Step step : command.ladder().steps()) {
            renditions.add(rendition(dir, step.name(), step, command, segmentSeconds, hls));
        }
        if (command.hasAudio()) {
            renditions.add(rendition(dir, VideoCommand.AUDIO, null, command, segmentSeconds, hls));
        }
        Files.writeString(dir.resolve(HlsPlaylists.MASTER), HlsPlaylists.master(renditions), StandardCharsets.UTF_8);
        List<OutputFile> files = new ArrayList<>();
        files.add(file(dir, HlsPlaylists.MASTER));
        files.addAll(hls);
        files.add(required(dir, PosterCommand.POSTER));
        files.add(required(dir, PosterCommand.THUMBNAIL));
        files.addAll(storyboard(dir, command.storyboard(), durationMs));
        return new VideoOutput(renditions, files);
    }

    private static VideoRendition rendition(Path dir, String name, Ladder.Step step, VideoCommand command,
            double segmentSeconds, List<OutputFile> files) throws IOException {
        Path renditionDir = dir.resolve(name);
        HlsPlaylists.renameInit(renditionDir);
        VideoRendition rendition = HlsPlaylists.measure(renditionDir, step, command.ladder().frameRate(),
                command.hasAudio(), segmentSeconds);
        files.add(file(dir, name + "/" + HlsPlaylists.INDEX));
        files.add(required(dir, name + "/" + HlsPlaylists.INIT));
        for (HlsPlaylists.Segment segment : HlsPlaylists.segments(renditionDir)) {
            files.add(file(dir, name + "/" + segment.uri()));
        }
        return rendition;
    }

    /** The sprite sheets tiled from the frames ffmpeg took, and the WebVTT for them. */
    private static List<OutputFile> storyboard(Path dir, Storyboard plan, long durationMs) throws IOException {
        Storyboard made = StoryboardSheets.tile(dir, plan);
        Files.writeString(dir.resolve(Storyboard.VTT), made.vtt(durationMs), StandardCharsets.UTF_8);
        List<OutputFile> files = new ArrayList<>();
        files.add(file(dir, Storyboard.VTT));
        for (int sheet = 0; sheet < made.sheets(); sheet++) {
            files.add(required(dir, Storyboard.sheet(sheet)));
        }
        return files;
    }

    private static OutputFile required(Path dir, String name) throws IOException {
        Path path = dir.resolve(name);
        if (!Files.isRegularFile(path) || Files.size(path) == 0) {
            throw new IOException(name + " was not made");
        }
        return file(dir, name);
    }

    static OutputFile file(Path dir, String name) {
        return new OutputFile(name, dir.resolve(name), mimeType(name));
    }

    /** The media type of an output file, by its extension. */
    public static String mimeType(String name) {
        String extension = name.substring(name.lastIndexOf('.') + 1);
        return switch (extension) {
            case "m3u8" -> "application/vnd.apple.mpegurl";
            case "mp4" -> "video/mp4";
            case "m4s" -> "video/iso.segment";
            case "webp" -> "image/webp";
            case "vtt" -> "text/vtt";
            case "jpg" -> "image/jpeg";
            default -> "application/octet-stream";
        };
    }

}
