package dev.encore.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.json.JsonMapper;

import dev.encore.support.MediaTools;

/** What the real ffprobe reads from generated files, whole and cut short. */
class MediaProbeTests {

    @TempDir
    static Path media;

    private final MediaProbe probe = new MediaProbe(new ProcessRunner(),
            new MediaProperties(Path.of("yt-dlp"), Path.of("ffmpeg"), Path.of("ffprobe"), Duration.ofMinutes(1),
                    Duration.ZERO), JsonMapper.builder().build());

    @BeforeAll
    static void tools() {
        MediaTools.require("ffmpeg", "ffprobe");
    }

    @Test
    void anMp3CutShortHasTheDurationOfWhatItHoldsNotWhatItsHeaderStates() throws Exception {
        for (List<String> rate : List.of(List.of("-b:a", "128k"), List.of("-q:a", "4"))) { // CBR's Info, VBR's Xing
            Path whole = media.resolve("whole-" + rate.get(0).substring(1, 2) + ".mp3");
            MediaTools.run(List.of("ffmpeg", "-v", "error", "-f", "lavfi", "-i", "sine=f=440:d=30", "-c:a",
                    "libmp3lame", rate.get(0), rate.get(1), "-y", whole.toString()));
            MediaProbe.Probe read = probe.probe(whole);
            assertThat(read.durationMs()).hasValueSatisfying(ms -> assertThat(ms).isCloseTo(30_000L, within(200L)));
            long wholeRate = read.bitRate().orElseThrow();

            byte[] bytes = Files.readAllBytes(whole);
            Path cut = media.resolve("cut-" + whole.getFileName());
            Files.write(cut, Arrays.copyOf(bytes, bytes.length / 3));
            MediaProbe.Probe cutShort = probe.probe(cut);
            assertThat(cutShort.durationMs()).as("a third of the bytes, a third of the time (%s)", rate)
                    .hasValueSatisfying(ms -> assertThat(ms).isCloseTo(10_000L, within(700L)));
            assertThat(cutShort.bitRate()).as("the rate it plays at, not its size over the header's duration")
                    .hasValueSatisfying(bits -> assertThat(bits).isCloseTo(wholeRate, within(wholeRate / 10)));
            assertThat(cutShort.codec()).hasValue("mp3");
        }
    }

    @Test
    void aWholeMp3WithACoverKeepsItsDuration() throws Exception {
        Path covered = MediaTools.tone(media.resolve("covered.mp3"), "Covered", 700, 4, true);
        MediaProbe.Probe read = probe.probe(covered);
        assertThat(read.hasCover()).isTrue();
        assertThat(read.durationMs()).hasValueSatisfying(ms -> assertThat(ms).isCloseTo(4_000L, within(200L)));
    }
}
