package dev.encore.media.video;

import java.util.Optional;
import java.util.Set;

import tools.jackson.databind.JsonNode;

import dev.encore.media.NotAVideoException;
import dev.encore.media.VideoSource;

/**
 * Reads ffprobe's JSON ({@code -show_format -show_streams}) as a {@link VideoSource}: the first
 * real video stream (not an attached cover picture), its display size with the sample aspect
 * ratio and rotation applied, its average frame rate, the first audio stream's codec and the
 * duration.
 */
public final class VideoInspection {

    /** Containers that hold one still picture, never a video. */
    private static final Set<String> STILL_FORMATS = Set.of("image2", "apng", "gif", "webp", "tiff", "bmp");

    private VideoInspection() {
    }

    /** The video described by ffprobe's {@code root}, or {@link NotAVideoException}. */
    public static VideoSource read(JsonNode root) {
        JsonNode video = root.path("streams").valueStream()
                .filter(stream -> "video".equals(stream.path("codec_type").asString("")))
                .filter(stream -> stream.path("disposition").path("attached_pic").asInt(0) != 1)
                .filter(stream -> stream.path("disposition").path("still_image").asInt(0) != 1)
                .findFirst().orElseThrow(NotAVideoException::noPicture);
        String format = root.path("format").path("format_name").asString("");
        long durationMs = durationMs(root.path("format")).or(() -> durationMs(video)).orElse(0L);
        if (STILL_FORMATS.contains(format) || format.endsWith("_pipe") || durationMs <= 0
                || video.path("width").asInt(0) <= 0 || video.path("height").asInt(0) <= 0) {
            throw NotAVideoException.noPicture();
        }
        double frameRate = rate(video.path("avg_frame_rate").asString(""))
                .or(() -> rate(video.path("r_frame_rate").asString(""))).orElse(0.0);
        int[] size = displaySize(video);
        String audioCodec = root.path("streams").valueStream()
                .filter(stream -> "audio".equals(stream.path("codec_type").asString("")))
                .map(stream -> stream.path("codec_name").asString("")).filter(name -> !name.isBlank())
                .findFirst().orElse(null);
        return new VideoSource(size[0], size[1], frameRate, video.path("codec_name").asString("unknown"), audioCodec,
                durationMs);
    }

    /** Width and height as shown: stretched by the sample aspect ratio, turned by the rotation. */
    static int[] displaySize(JsonNode video) {
        int width = video.path("width").asInt();
        int height = video.path("height").asInt();
        Optional<Double> sar = ratio(video.path("sample_aspect_ratio").asString(""), ':');
        if (sar.isPresent() && sar.get() > 0 && Math.abs(sar.get() - 1) > 0.001) {
            width = (int) Math.round(width * sar.get());
        }
        long rotation = Math.abs(Math.round(rotation(video))) % 180;
        return rotation == 90 ? new int[] { height, width } : new int[] { width, height };
    }

    /** Degrees from the display matrix side data, else the legacy {@code rotate} tag. */
    private static double rotation(JsonNode video) {
        return video.path("side_data_list").valueStream()
                .filter(data -> data.has("rotation"))
                .map(data -> data.path("rotation").asDouble(0)).findFirst()
                .orElseGet(() -> {
                    String tag = video.path("tags").path("rotate").asString("").strip();
                    return tag.matches("-?\\d{1,4}") ? Double.parseDouble(tag) : 0;
                });
    }

    private static Optional<Long> durationMs(JsonNode node) {
        String duration = node.path("duration").asString("").strip();
        try {
            double seconds = duration.isEmpty() ? Double.NaN : Double.parseDouble(duration);
            return Double.isFinite(seconds) && seconds > 0 ? Optional.of(Math.round(seconds * 1000)) : Optional.empty();
        }
        catch (NumberFormatException ex) {
            return Optional.empty();
        }
    }

    private static Optional<Double> rate(String fraction) {
        return ratio(fraction, '/').filter(rate -> rate > 0 && rate < 1000);
    }

    private static Optional<Double> ratio(String text, char separator) {
        int at = text.indexOf(separator);
        try {
            if (at < 0) {
                return text.isBlank() ? Optional.empty() : Optional.of(Double.parseDouble(text));
            }
            double denominator = Double.parseDouble(text.substring(at + 1));
            return denominator == 0 ? Optional.empty()
                    : Optional.of(Double.parseDouble(text.substring(0, at)) / denominator);
        }
        catch (NumberFormatException ex) {
            return Optional.empty();
        }
    }
}
