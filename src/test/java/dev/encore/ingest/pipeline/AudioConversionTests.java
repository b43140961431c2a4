package dev.encore.ingest.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.encore.ingest.imports.AudioFormat;
import dev.encore.media.Ffmpeg;

class AudioConversionTests {

    static final Map<String, String> TAGS = Map.of("title", "Déjà Vu; $(rm -rf /) \"quoted\"", "artist", "Encore Test",
            "album", "Golden");

    private final AudioConversion conversion = new AudioConversion(new Ffmpeg(Path.of("/usr/bin/ffmpeg")));

    @Test
    void mp3CommandMatchesTheGoldenFile() throws IOException {
        assertThat(conversion.command(Path.of("/staging/job-1/source.webm"), Path.of("/staging/job-1/cover.jpg"),
                Path.of("/staging/job-1/out.mp3"), AudioFormat.MP3, TAGS))
                .containsExactlyElementsOf(Files.readAllLines(
                        Path.of("src/test/resources/golden/ffmpeg-mp3-with-cover.args"), StandardCharsets.UTF_8));
    }

    @Test
    void formatsThatCannotHoldCoverArtGetNone() {
        assertThat(conversion.command(Path.of("/s/source.webm"), Path.of("/s/cover.jpg"), Path.of("/s/out.opus"),
                AudioFormat.OPUS, TAGS)).doesNotContain("/s/cover.jpg", "attached_pic");
    }

    @Test
    void aStreamedConversionReadsOnlyThePipeAndTheCoverOnlyAsAFile() {
        assertThat(new Ffmpeg(Path.of("/usr/bin/ffmpeg")).convertStdin(Path.of("/s/source.jpg"), Path.of("/s/out.mp3"),
                AudioFormat.MP3.encoderArgs(), TAGS))
                .containsSubsequence("-protocol_whitelist", "pipe", "-i", "pipe:0", "-protocol_whitelist", "file", "-i",
                        "/s/source.jpg", "-map", "0:a:0", "-map", "1:v:0", "-disposition:v:0", "attached_pic",
                        "-map_metadata", "-1", "/s/out.mp3");
    }

    @Test
    void aConversionStartedBeforeTheProbeKeepsTheInputsTagsUnderTheGivenOnes() {
        List<String> command = new Ffmpeg(Path.of("/usr/bin/ffmpeg")).convertStdinKeepingTags(null, true,
                Path.of("/s/out.mp3"), AudioFormat.MP3.encoderArgs(), Map.of("title", "Site Title"));
        // the container's tags, then the audio stream's (Ogg keeps them there), none per output stream
        assertThat(command).containsSubsequence("-protocol_whitelist", "pipe", "-i", "pipe:0", "-map", "0:a:0", "-map",
                "0:v:0?", "-disposition:v:0", "attached_pic", "-map_metadata", "0", "-map_metadata", "0:s:a:0",
                "-map_metadata:s", "-1", "-metadata", "title=Site Title", "/s/out.mp3")
                .doesNotContain("file").containsOnlyOnce("-i");
        assertThat(new Ffmpeg(Path.of("/usr/bin/ffmpeg")).convertStdinKeepingTags(Path.of("/s/source.jpg"), true,
                Path.of("/s/out.mp3"), AudioFormat.MP3.encoderArgs(), Map.of()))
                .containsSubsequence("-protocol_whitelist", "file", "-i", "/s/source.jpg", "-map", "1:v:0")
                .doesNotContain("0:v:0?");
    }

    @Test
    void formatsAreAClosedCaseInsensitiveList() {
        assertThat(AudioFormat.of("FLAC")).isEqualTo(AudioFormat.FLAC);
        assertThat(AudioFormat.values()).extracting(AudioFormat::extension)
                .containsExactly("mp3", "m4a", "aac", "opus", "flac", "wav");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AudioFormat.of("mp3; rm -rf /"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsFfmpegProgress() {
        assertThat(Ffmpeg.progressMicros("out_time_us=1500000")).isEqualTo(1_500_000);
        assertThat(Ffmpeg.progressMicros("progress=continue")).isEqualTo(-1);
    }
}
