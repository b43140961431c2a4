package dev.encore.platform.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** A job server that keeps stopping is started again less and less often; one that stays up resets the pace. */
class RestartPacingTests {

    private static final Duration CHECK = Duration.ofSeconds(15);
    private final Instant start = Instant.parse("2026-12-06T00:00:00Z");
    private final RestartPacing pacing = new RestartPacing(CHECK);

    @Test
    void theFirstStartIsDueAtOnceAndEachFailedOneDoublesTheWaitUpToSixteenChecks() {
        assertThat(pacing.due(start)).isTrue();
        Instant now = start;
        long[] waitsInChecks = {1, 2, 4, 8, 16, 16};
        for (long wait : waitsInChecks) {
            pacing.started(now);
            assertThat(pacing.due(now.plus(CHECK.multipliedBy(wait)).minusMillis(1))).as("waits %d checks", wait).isFalse();
            now = now.plus(CHECK.multipliedBy(wait));
            assertThat(pacing.due(now)).isTrue();
        }
        assertThat(pacing.attempts()).isEqualTo(waitsInChecks.length);
    }

    @Test
    void aServerFoundRunningSoonAfterAStartHasNotRecoveredYet() {
        pacing.started(start);
        pacing.started(start.plus(CHECK));

        assertThat(pacing.running(start.plus(CHECK.multipliedBy(2)))).isFalse();
        assertThat(pacing.due(start.plus(CHECK.multipliedBy(2)))).as("still paced").isFalse();
    }

    @Test
    void aServerThatKeptRunningEndsTheRunOfRestartsAndThePaceStartsOver() {
        pacing.started(start);
        pacing.started(start.plus(CHECK));
        Instant settled = start.plus(CHECK).plus(CHECK.multipliedBy(RestartPacing.SETTLED));

        assertThat(pacing.running(settled)).isTrue();
        assertThat(pacing.attempts()).isZero();
        assertThat(pacing.due(settled)).isTrue();
        assertThat(pacing.running(settled.plus(CHECK))).as("said once").isFalse();
    }

    @Test
    void aServerThatNeverStoppedHasNothingToRecoverFrom() {
        assertThat(pacing.running(start)).isFalse();
    }
}
