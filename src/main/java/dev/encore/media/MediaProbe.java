package dev.encore.media;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;


/**
 * Reads a media file's duration, tags and cover with ffprobe ({@code encore.media.ffprobe-path}),
 * for imports and uploads alike, and its channels for transcoded renditions.
 */
@Component
public class MediaProbe {

    private final ProcessRunner processes;
    private final String ffprobe;
    private final Duration timeout;
    private final JsonMapper json;

    public MediaProbe(ProcessRunner processes, MediaProperties properties, JsonMapper json) {
        this.processes = processes;
        this.ffprobe = properties.ffprobePath().toString();
        this.timeout = properties.probeTimeout();
        this.json = json;
    }

    /**
     * What ffprobe found.
     *
     * @param durationMs duration, if known
     * @param tags       container and stream tags, keys in lower case
     * @param hasCover   whether it carries an attached picture (cover art)
     * @param codec      codec of the first audio stream (else the first stream), if any
     * @param bitRate    overall bit rate in bits per second, if known
     * @param channels   channels of the first audio stream (1 mono, 2 stereo, …), if any: what an
     *                   encoder's bitrate limit depends on (a transcoded rendition)
     */
    public record Probe(Optional<Long> durationMs, Map<String, String> tags, boolean hasCover, Optional<String> codec,
            Optional<Long> bitRate, Optional<Integer> channels) {

        public static final Probe NOTHING = new Probe(Optional.empty(), Map.of(), false, Optional.empty(),
                Optional.empty(), Optional.empty());

        /** A tag's value, or null when missing or blank. */
        public String tag(String key) {
            String value = tags.get(key);
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    public Optional<Long> durationMs(Path file) throws InterruptedException {
        return probe(file).durationMs();
    }

    public Probe probe(Path file) throws InterruptedException {
        StringBuilder output = new StringBuilder();
        // local files only: a crafted playlist-like file cannot make ffprobe open URLs or other files
        ProcessRunner.Result result = processes.run(new ProcessRunner.Spec(List.of(ffprobe,
                "-v", "error", "-protocol_whitelist", "file", "-print_format", "json", "-show_format", "-show_streams", file.toString()),
                file.getParent(), timeout, Map.of()), output::append);
        return result.succeeded() ? parse(output.toString()) : Probe.NOTHING;
    }

    /**
     * Reads the head of a stream (its first bytes, e.g. the start of a download still under way):
     * the tags and streams a container declares up front. The duration is rarely known from a head.
     * ffprobe reads only its standard input, so a crafted head cannot make it open a file or URL.
     *
     * @return what the head declares, or empty when ffprobe finds no audio stream in it
     */
    public Optional<Probe> probeHead(byte[] head, Path workingDir) throws InterruptedException {
        StringBuilder output = new StringBuilder();
        ProcessRunner.Result result = processes.run(new ProcessRunner.Spec(List.of(ffprobe,
                "-v", "error", "-protocol_whitelist", "pipe", "-print_format", "json", "-show_format", "-show_streams",
                "-i", "pipe:0"), workingDir, timeout, Map.of()), output::append, () -> false,
                new ByteArrayInputStream(head));
        if (!result.succeeded() || !output.toString().contains("\"codec_type\": \"audio\"")) {
            return Optional.empty();
        }
        Probe probe = parse(output.toString());
        return probe == Probe.NOTHING ? Optional.empty() : Optional.of(probe);
    }

    private Probe parse(String output) {
        try {
            JsonNode root = json.readTree(output);
            Map<String, String> tags = new HashMap<>();
            root.path("streams").valueStream().forEach(stream -> collect(stream.path("tags"), tags));
            collect(root.path("format").path("tags"), tags); // container tags win
            String duration = root.path("format").path("duration").asString("");
            Optional<Long> durationMs = Optional.empty();
            if (!duration.isBlank()) {
                durationMs = Optional.of(Math.round(Double.parseDouble(duration) * 1000));
            }
            Optional<CutShort> cut = cutShort(root);
            if (cut.isPresent()) {
                durationMs = durationMs.map(claimed -> Math.round(claimed * cut.get().held()));
            }
            boolean hasCover = root.path("streams").valueStream()
                    .anyMatch(stream -> stream.path("disposition").path("attached_pic").asInt(0) == 1);
            Optional<String> codec = codec(root, "audio").or(() -> codec(root, null));
            String bitRate = cut.isPresent() ? Long.toString(cut.get().statedRate())
                    : root.path("format").path("bit_rate").asString("");
            Optional<Integer> channels = root.path("streams").valueStream()
                    .filter(stream -> stream.path("codec_type").asString("").equals("audio")).findFirst()
                    .map(stream -> stream.path("channels").asInt(0)).filter(count -> count > 0);
            return new Probe(durationMs, Map.copyOf(tags), hasCover, codec,
                    bitRate.matches("\\d{1,18}") ? Optional.of(Long.valueOf(bitRate)) : Optional.empty(), channels);
        }
        catch (JacksonException | NumberFormatException ex) {
            return Probe.NOTHING;
        }
    }

    /**
     * An MP3 cut short (a download that stopped) keeps the Xing/Info header of the whole, which
     * states the whole's frame count and byte length: ffprobe takes its duration from there, so the
     * stream's bit rate is the whole's, and the file's own bit rate (its size over that duration)
     * falls short of it by the part that is missing. The bytes present, at the stream's rate, are the
     * duration a player will reach.
     *
     * @param held       the share of the stated duration the file holds (below 0.9)
     * @param statedRate the stream's bit rate as its header states it, bits per second
     */
    private record CutShort(double held, long statedRate) {
    }

    /** An MP3 whose bytes fall more than a tenth short of what its header states; empty for anything else. */
    private static Optional<CutShort> cutShort(JsonNode root) {
        String whole = root.path("format").path("bit_rate").asString("");
        if (!whole.matches("\\d{1,18}") || !"mp3".equals(codec(root, "audio").orElse(null))) {
            return Optional.empty();
        }
        return root.path("streams").valueStream()
                .filter(stream -> "audio".equals(stream.path("codec_type").asString())).findFirst()
                .map(stream -> stream.path("bit_rate").asString("")).filter(rate -> rate.matches("[1-9]\\d{0,17}"))
                .map(Long::valueOf).filter(stated -> Long.parseLong(whole) < stated * 0.9)
                .map(stated -> new CutShort((double) Long.parseLong(whole) / stated, stated));
    }

    /** The codec of the first stream of {@code type} (any type when null). */
    private static Optional<String> codec(JsonNode root, String type) {
        return root.path("streams").valueStream()
                .filter(stream -> type == null || type.equals(stream.path("codec_type").asString()))
                .map(stream -> stream.path("codec_name").asString("")).filter(name -> !name.isBlank()).findFirst();
    }

    private static void collect(JsonNode tags, Map<String, String> into) {
        tags.properties().forEach(entry -> into.put(entry.getKey().toLowerCase(Locale.ROOT), entry.getValue().asString()));
    }
}
