package dev.encore.live.premiere;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.encore.live.PlaybackState;
import dev.encore.platform.InvalidFieldsException;

class PremiereTests {

    private static final Instant NOW = Instant.parse("2026-12-03T20:00:00Z");
    private static final long LENGTH = 90_000;

    @Test
    void itsStateFollowsTheClock() {
        Premiere premiere = premiere(NOW.plusSeconds(60), null);
        assertThat(premiere.stateAt(NOW)).isEqualTo(PremiereState.SCHEDULED);
        assertThat(premiere.stateAt(NOW.plusSeconds(60))).isEqualTo(PremiereState.LIVE);
        assertThat(premiere.endAt()).as("ends with the video").isEqualTo(NOW.plusSeconds(150));
        assertThat(premiere.stateAt(NOW.plusSeconds(150))).isEqualTo(PremiereState.ENDED);
        assertThat(premiere(NOW.plusSeconds(60), NOW.plusSeconds(600)).stateAt(NOW.plusSeconds(300)))
                .as("live until the end given").isEqualTo(PremiereState.LIVE);
    }

    @Test
    void itsStoredStateOnlyMovesForward() {
        Premiere premiere = premiere(NOW.plusSeconds(60), null);
        assertThat(premiere.advanceTo(PremiereState.LIVE, NOW)).isTrue();
        assertThat(premiere.advanceTo(PremiereState.LIVE, NOW)).isFalse();
        assertThat(premiere.advanceTo(PremiereState.ENDED, NOW)).isTrue();
        assertThat(premiere.advanceTo(PremiereState.LIVE, NOW)).isFalse();
    }

    @Test
    void everyoneIsAtTheSamePositionWhileLiveAndPausedAtTheEndAfterwards() {
        Instant startsAt = NOW.plusSeconds(60);
        Premiere premiere = premiere(startsAt, NOW.plusSeconds(600));
        PlaybackState playing = PremiereView.playback(premiere, startsAt.plusSeconds(30));
        assertThat(playing.playing()).isTrue();
        assertThat(playing.atServerTime()).isEqualTo(startsAt);
        assertThat(playing.positionAt(startsAt.plusMillis(30_250))).isEqualTo(30_250);
        PlaybackState over = PremiereView.playback(premiere, startsAt.plusSeconds(200));
        assertThat(over.playing()).isFalse();
        assertThat(over.positionAt(startsAt.plusSeconds(300))).isEqualTo(LENGTH);
    }

    @Test
    void timesMustStartAheadWithinAYearAndNotEndBeforeTheVideo() {
        assertField(() -> PremierePlanner.checked(null, null, LENGTH, NOW), "startsAt");
        assertField(() -> PremierePlanner.checked(NOW, null, LENGTH, NOW), "startsAt");
        assertField(() -> PremierePlanner.checked(NOW.plus(Duration.ofDays(366)), null, LENGTH, NOW), "startsAt");
        assertField(() -> PremierePlanner.checked(NOW.plusSeconds(10), NOW.plusSeconds(99), LENGTH, NOW), "endsAt");
        assertThat(PremierePlanner.checked(NOW.plusSeconds(10), NOW.plusSeconds(100), LENGTH, NOW).endsAt())
                .isEqualTo(NOW.plusSeconds(100));
        assertThat(PremierePlanner.checked(NOW.plus(Duration.ofDays(365)), null, LENGTH, NOW)).isNotNull();
    }

    @Test
    void aPremiereStaysLiveAtMostADayAfterItsVideoEnds() {
        Instant videoEnds = NOW.plusSeconds(10).plusMillis(LENGTH);
        Instant longest = videoEnds.plus(PremiereTimes.LONGEST_AFTERWARDS);
        assertThat(PremierePlanner.checked(NOW.plusSeconds(10), longest, LENGTH, NOW).endsAt()).isEqualTo(longest);
        assertField(() -> PremierePlanner.checked(NOW.plusSeconds(10), longest.plusMillis(1), LENGTH, NOW), "endsAt");
    }

    @Test
    void stepJobsAreNamedByPremiereStepAndInstant() {
        UUID id = UUID.randomUUID();
        assertThat(PremiereSchedule.jobId(id, PremiereState.LIVE, 1000))
                .isEqualTo(PremiereSchedule.jobId(id, PremiereState.LIVE, 1000))
                .isNotEqualTo(PremiereSchedule.jobId(id, PremiereState.LIVE, 1001))
                .isNotEqualTo(PremiereSchedule.jobId(id, PremiereState.ENDED, 1000));
    }

    private static Premiere premiere(Instant startsAt, Instant endsAt) {
        return new Premiere(UUID.randomUUID(), UUID.randomUUID(), LENGTH, new PremiereTimes(startsAt, endsAt), NOW);
    }

    private static void assertField(Runnable check, String field) {
        assertThatThrownBy(check::run).isInstanceOf(InvalidFieldsException.class)
                .satisfies(thrown -> assertThat(((InvalidFieldsException) thrown).getBody().getProperties())
                        .asString().contains(field));
    }
}
