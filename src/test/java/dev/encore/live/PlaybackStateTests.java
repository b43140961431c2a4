package dev.encore.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class PlaybackStateTests {

    private static final Instant T0 = Instant.parse("2026-12-03T04:00:00Z");
    private static final UUID TRACK = UUID.randomUUID();

    @Test
    void advancesWhilePlayingByTheRate() {
        PlaybackState state = new PlaybackState(TRACK, "track", 10_000, T0, true, 1.0);
        assertThat(state.positionAt(T0)).isEqualTo(10_000);
        assertThat(state.positionAt(T0.plusMillis(2_500))).isEqualTo(12_500);
        assertThat(state.withRate(T0, 1.5).positionAt(T0.plusSeconds(2))).isEqualTo(13_000);
    }

    @Test
    void standsStillWhilePausedAndNeverRunsBackwards() {
        PlaybackState paused = new PlaybackState(TRACK, "track", 10_000, T0, false, 1.0);
        assertThat(paused.positionAt(T0.plusSeconds(60))).isEqualTo(10_000);
        PlaybackState playing = new PlaybackState(TRACK, "track", 10_000, T0, true, 1.0);
        assertThat(playing.positionAt(T0.minusSeconds(5))).isEqualTo(10_000);
    }

    @Test
    void pauseKeepsThePositionReachedAndPlayResumesFromIt() {
        PlaybackState playing = PlaybackState.start(TRACK, "track", T0, true);
        PlaybackState paused = playing.pause(T0.plusSeconds(3), null);
        assertThat(paused.playing()).isFalse();
        assertThat(paused.positionMs()).isEqualTo(3_000);
        assertThat(paused.atServerTime()).isEqualTo(T0.plusSeconds(3));
        PlaybackState resumed = paused.play(T0.plusSeconds(30), null);
        assertThat(resumed.positionAt(T0.plusSeconds(31))).isEqualTo(4_000);
    }

    @Test
    void anExplicitPositionWinsOverTheComputedOne() {
        PlaybackState playing = PlaybackState.start(TRACK, "track", T0, true);
        assertThat(playing.pause(T0.plusSeconds(3), 2_900L).positionMs()).isEqualTo(2_900);
        assertThat(playing.play(T0.plusSeconds(3), 500L).positionAt(T0.plusSeconds(4))).isEqualTo(1_500);
    }

    @Test
    void seekMovesAndKeepsPlayingOrPaused() {
        PlaybackState playing = PlaybackState.start(TRACK, "track", T0, true).seek(T0.plusSeconds(1), 60_000);
        assertThat(playing.positionAt(T0.plusSeconds(2))).isEqualTo(61_000);
        PlaybackState paused = PlaybackState.start(TRACK, "track", T0, false).seek(T0.plusSeconds(1), 60_000);
        assertThat(paused.positionAt(T0.plusSeconds(2))).isEqualTo(60_000);
    }

    @Test
    void anotherItemStartsAtZero() {
        UUID next = UUID.randomUUID();
        PlaybackState state = new PlaybackState(TRACK, "track", 90_000, T0, true, 1.0).withItem(next, "video",
                T0.plusSeconds(5));
        assertThat(state.itemId()).isEqualTo(next);
        assertThat(state.itemType()).isEqualTo("video");
        assertThat(state.positionAt(T0.plusSeconds(6))).isEqualTo(1_000);
    }

    @Test
    void anItemThatPlayedToItsEndIsPausedThereAnchoredWhenItEnded() {
        PlaybackState playing = new PlaybackState(TRACK, "track", 1_000, T0, true, 1.0);
        assertThat(playing.endedBy(T0.plusMillis(5_033), 6_034)).as("still playing").isSameAs(playing);
        PlaybackState ended = playing.endedBy(T0.plusSeconds(9), 6_034);
        assertThat(ended.playing()).isFalse();
        assertThat(ended.positionMs()).isEqualTo(6_034);
        assertThat(ended.atServerTime()).isEqualTo(T0.plusMillis(5_034));
        assertThat(ended.positionAt(T0.plusSeconds(60))).isEqualTo(6_034);
        PlaybackState fast = new PlaybackState(TRACK, "track", 0, T0, true, 2.0).endedBy(T0.plusSeconds(9), 6_034);
        assertThat(fast.atServerTime()).isEqualTo(T0.plusMillis(3_017));
    }

    @Test
    void reAnchoringAnEndedItemStaysAtItsEnd() {
        PlaybackState playing = PlaybackState.start(TRACK, "track", T0, true);
        PlaybackState paused = playing.endedBy(T0.plusSeconds(9), 6_034).pause(T0.plusSeconds(9), null);
        assertThat(paused.positionMs()).as("not 9000").isEqualTo(6_034);
        assertThat(playing.pause(T0.plusSeconds(9), null).endedBy(T0.plusSeconds(9), 6_034).positionMs())
                .as("a stored position past the end is the end").isEqualTo(6_034);
        PlaybackState nothing = PlaybackState.idle(T0);
        assertThat(nothing.endedBy(T0.plusSeconds(9), 0)).isSameAs(nothing);
    }

    @Test
    void refusesNegativePositionsAndRates() {
        assertThatIllegalArgumentException().isThrownBy(() -> new PlaybackState(TRACK, "track", -1, T0, true, 1.0));
        assertThatIllegalArgumentException().isThrownBy(() -> new PlaybackState(TRACK, "track", 0, T0, true, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> new PlaybackState(TRACK, "track", 0, T0, true, Double.NaN));
    }

    @Test
    void kindsNameTheirTopics() {
        UUID id = UUID.fromString("00000000-0000-0000-0000-000000000001");
        assertThat(LiveKind.PREMIERE.topic(id)).isEqualTo("live/premiere/00000000-0000-0000-0000-000000000001");
        assertThat(LiveKind.fromSlug("presentation")).contains(LiveKind.PRESENTATION);
        assertThat(LiveKind.fromSlug("ROOM")).isEmpty();
    }
}
