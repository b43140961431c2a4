package dev.encore.ingest.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.encore.ingest.imports.AudioFormat;
import dev.encore.media.Ffmpeg;
import dev.encore.media.ProcessRunner;
import dev.encore.support.MediaTools;

/** Every format produced by the real ffmpeg and checked with ffprobe: codec, duration, tags, cover. */
class AudioConversionIT {

    @TempDir
    Path work;

    private Path source;
    private Path cover;
    private final ProcessRunner runner = new ProcessRunner();

    @BeforeEach
    void media() throws Exception {
        MediaTools.require("ffmpeg", "ffprobe");
        source = MediaTools.tone(work, "Original Title");
        cover = work.resolve("cover.jpg");
        ProcessRunner.Result made = runner.run(new ProcessRunner.Spec(List.of("ffmpeg", "-loglevel", "error", "-f", "lavfi",
                "-i", "color=c=red:s=64x64", "-frames:v", "1", cover.toString()), work, Duration.ofSeconds(30), Map.of()),
                line -> { });
        assertThat(made.succeeded()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(AudioFormat.class)
    void producesEachFormatWithCodecDurationTitleAndCover(AudioFormat format) throws Exception {
        Path target = work.resolve("out." + format.extension());
        List<Long> progress = new ArrayList<>();
        ProcessRunner.Result converted = runner.run(new ProcessRunner.Spec(new AudioConversion(new Ffmpeg(Path.of("ffmpeg")))
                .command(source, cover, target, format, AudioConversionTests.TAGS), work, Duration.ofSeconds(60), Map.of()),
                line -> {
                    long micros = Ffmpeg.progressMicros(line);
                    if (micros >= 0) {
                        progress.add(micros);
                    }
                });
        assertThat(converted.succeeded()).as(String.join("\n", converted.stderrTail())).isTrue();
        assertThat(progress).isNotEmpty();

        JsonNode probe = probe(target);
        JsonNode audio = probe.path("streams").valueStream()
                .filter(stream -> stream.path("codec_type").asString().equals("audio")).findFirst().orElseThrow();
        assertThat(audio.path("codec_name").asString()).isEqualTo(switch (format) {
            case MP3 -> "mp3";
            case M4A, AAC -> "aac";
            case OPUS -> "opus";
            case FLAC -> "flac";
            case WAV -> "pcm_s16le";
        });
        assertThat(probe.path("format").path("duration").asDouble()).isBetween(2.7, 3.3);
        assertThat(tag(probe, "title")).isEqualTo(AudioConversionTests.TAGS.get("title"));
        assertThat(tag(probe, "artist")).isEqualTo("Encore Test");
        boolean hasCover = probe.path("streams").valueStream()
                .anyMatch(stream -> stream.path("disposition").path("attached_pic").asInt() == 1);
        assertThat(hasCover).isEqualTo(format.supportsCoverArt());
    }

    private static JsonNode probe(Path file) throws Exception {
        return MediaTools.probe(file);
    }

    private static String tag(JsonNode probe, String key) {
        return MediaTools.tag(probe, key);
    }
}
