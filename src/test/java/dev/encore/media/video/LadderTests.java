package dev.encore.media.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.encore.media.VideoSource;

class LadderTests {

    private static final List<Integer> LADDER = List.of(1080, 720, 480, 360, 240);

    private static List<String> sizes(int width, int height) {
        return Ladder.of(new VideoSource(width, height, 30, "h264", "aac", 10_000), LADDER, 4).steps().stream()
                .map(step -> step.name() + " " + step.width() + "x" + step.height()).toList();
    }

    @Test
    void stepsGoByTheShortSideAndNeverAboveTheSource() {
        assertThat(sizes(1920, 1080)).containsExactly("1080p 1920x1080", "720p 1280x720", "480p 854x480",
                "360p 640x360", "240p 426x240");
        assertThat(sizes(1080, 1920)).containsExactly("1080p 1080x1920", "720p 720x1280", "480p 480x854",
                "360p 360x640", "240p 240x426");
        assertThat(sizes(640, 360)).containsExactly("360p 640x360", "240p 426x240");
        assertThat(sizes(1280, 1000)).containsExactly("720p 922x720", "480p 614x480", "360p 460x360", "240p 308x240");
    }

    @Test
    void aSourceBelowEveryStepGetsOneRenditionAtItsOwnEvenSize() {
        assertThat(sizes(320, 181)).containsExactly("180p 318x180");
        assertThat(sizes(160, 120)).containsExactly("120p 160x120");
    }

    @Test
    void keyframesEverySegmentAndFrameRatesCappedAt60() {
        Ladder ladder = Ladder.of(new VideoSource(1920, 1080, 29.97, "h264", null, 1000), LADDER, 4);
        assertThat(ladder.keyframes()).isEqualTo(120);
        Ladder fast = Ladder.of(new VideoSource(1920, 1080, 240, "h264", null, 1000), LADDER, 4);
        assertThat(fast.frameRate()).isEqualTo(60);
        assertThat(fast.keyframes()).isEqualTo(240);
        assertThat(Ladder.of(new VideoSource(1920, 1080, 0, "h264", null, 1000), LADDER, 2).keyframes()).isEqualTo(60);
    }

    @Test
    void peakBitRatesFollowThePictureSize() {
        assertThat(Ladder.maxrateKbps(1920, 1080, 30)).isEqualTo(5000);
        assertThat(Ladder.maxrateKbps(1280, 720, 30)).isEqualTo(2720);
        assertThat(Ladder.maxrateKbps(426, 240, 30)).isEqualTo(520);
        assertThat(Ladder.maxrateKbps(1920, 1080, 60)).isEqualTo(7500);
    }
}
