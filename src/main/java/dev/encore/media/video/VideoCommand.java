package dev.encore.media.video;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

import dev.encore.media.VideoSource;

/**
 * The ffmpeg command line that decodes a video once and makes the ladder and storyboard from it:
 * the picture is split into the ladder's scaled renditions (H.264, keyframes forced at every
 * segment boundary so they line up across renditions) and the storyboard's small frames; the
 * sound is encoded to AAC for every rendition and the audio-only one. Paths are relative to the
 * output directory, where ffmpeg runs. (The poster is picked by {@link PosterCommand}.)
 *
 * @param ladder     the video renditions
 * @param storyboard the storyboard
 * @param hasAudio   whether the source has sound (else no audio rendition)
 */
public record VideoCommand(Ladder ladder, Storyboard storyboard, boolean hasAudio) {

    public static final String AUDIO = "audio";
    static final int AUDIO_KBPS = 128;

    /** The names of the HLS renditions, video ones first. */
    public List<String> renditionNames() {
        List<String> names = new ArrayList<>(ladder.steps().stream().map(Ladder.Step::name).toList());
        if (hasAudio) {
            names.add(AUDIO);
        }
        return names;
    }

    /**
     * The arguments.
     *
     * @param ffmpeg         the executable
     * @param source         the video (absolute)
     * @param info           what ffprobe said about it
     * @param segmentSeconds length of one segment
     * @param threads        {@code -threads} for decoding, filtering and the encoders (0: ffmpeg decides)
     */
    public List<String> arguments(String ffmpeg, Path source, VideoSource info, double segmentSeconds, int threads) {
        List<String> args = new ArrayList<>(List.of(ffmpeg, "-hide_banner", "-nostdin", "-y", "-loglevel", "error",
                "-nostats", "-progress", "pipe:1"));
        if (threads > 0) {
            args.addAll(List.of("-threads", String.valueOf(threads), "-filter_complex_threads", String.valueOf(threads)));
        }
        args.addAll(List.of("-protocol_whitelist", "file", "-i", source.toString(), "-filter_complex", filter(info),
                "-map_metadata", "-1", "-map_chapters", "-1"));
        hls(args, segmentSeconds, threads);
        args.addAll(List.of("-map", "[storyboard]", "-fps_mode", "passthrough", "-c:v", "mjpeg", "-q:v", "3",
                "-pix_fmt", "yuvj420p", "-f", "image2", "-start_number", "0", Storyboard.FRAMES));
        return args;
    }

    /** The filter graph: split the picture once into every branch. */
    String filter(VideoSource info) {
        List<Ladder.Step> steps = ladder.steps();
        StringBuilder graph = new StringBuilder("[0:v]");
        if (info.frameRate() > Ladder.MAX_FRAME_RATE || info.frameRate() <= 0) {
            graph.append("fps=").append(format(ladder.frameRate())).append(',');
        }
        graph.append("split=").append(steps.size() + 1);
        for (int i = 0; i < steps.size(); i++) {
            graph.append("[s").append(i).append(']');
        }
        graph.append("[sb]");
        for (int i = 0; i < steps.size(); i++) {
            Ladder.Step step = steps.get(i);
            graph.append(";[s").append(i).append("]scale=").append(step.width()).append(':').append(step.height())
                    .append(",setsar=1,format=yuv420p[v").append(i).append(']');
        }
        graph.append(";[sb]").append(storyboard.filter()).append("[storyboard]");
        return graph.toString();
    }

    /** One HLS output holding every rendition ({@code -var_stream_map}), fMP4 segments. */
    private void hls(List<String> args, double segmentSeconds, int threads) {
        List<Ladder.Step> steps = ladder.steps();
        StringJoiner streams = new StringJoiner(" ");
        int audio = 0;
        for (int i = 0; i < steps.size(); i++) {
            args.addAll(List.of("-map", "[v" + i + "]"));
            if (hasAudio) {
                args.addAll(List.of("-map", "0:a:0"));
                streams.add("v:" + i + ",a:" + audio++ + ",name:" + steps.get(i).name());
            }
            else {
                streams.add("v:" + i + ",name:" + steps.get(i).name());
            }
        }
        if (hasAudio) {
            args.addAll(List.of("-map", "0:a:0"));
            streams.add("a:" + audio + ",name:" + AUDIO);
        }
        String segment = format(segmentSeconds);
        args.addAll(List.of("-c:v", "libx264", "-preset", "veryfast", "-profile:v", "high", "-crf", "23",
                "-g", String.valueOf(ladder.keyframes()), "-keyint_min", String.valueOf(ladder.keyframes()),
                "-sc_threshold", "0", "-force_key_frames", "expr:gte(t,n_forced*" + segment + ")"));
        for (int i = 0; i < steps.size(); i++) {
            int kbps = steps.get(i).maxrateKbps();
            args.addAll(List.of("-maxrate:v:" + i, kbps + "k", "-bufsize:v:" + i, 2 * kbps + "k"));
        }
        if (threads > 0) {
            args.addAll(List.of("-threads", String.valueOf(threads)));
        }
        if (hasAudio) {
            args.addAll(List.of("-c:a", "aac", "-b:a", AUDIO_KBPS + "k", "-ac", "2", "-ar", "48000"));
        }
        args.addAll(List.of("-f", "hls", "-hls_time", segment, "-hls_playlist_type", "vod", "-hls_segment_type",
                "fmp4", "-hls_flags", "independent_segments", "-hls_fmp4_init_filename", "init_%v.mp4",
                "-hls_segment_filename", "%v/seg-%05d.m4s", "-start_number", "1", "-var_stream_map",
                streams.toString(), "%v/index.m3u8"));
    }

    static String format(double value) {
        String text = String.format(Locale.ROOT, "%.3f", value);
        return text.replaceAll("\\.?0+$", "");
    }
}
