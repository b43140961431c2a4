package dev.encore.live.premiere;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import org.jobrunr.jobs.annotations.Job;
import org.springframework.stereotype.Component;

/**
 * The start and end of a premiere, run by JobRunr. JobRunr hands a scheduled job to a worker up to one
 * poll interval (5 s) before its time, so the job waits out the rest: the state changes, and the
 * {@code state} message goes out, on time to within milliseconds. Public for JobRunr, which calls these
 * methods; nothing else does.
 */
@Component
public class PremiereJobs {

    /** Longer than JobRunr ever runs a job early; a job further ahead than this was rescheduled meanwhile. */
    private static final Duration MAX_WAIT = Duration.ofSeconds(30);

    private final PremiereTransitions transitions;
    private final Clock clock;

    PremiereJobs(PremiereTransitions transitions, Clock clock) {
        this.transitions = transitions;
        this.clock = clock;
    }

    /** Takes premiere {@code id} live, if it still starts at {@code atEpochMs}. */
    @Job(name = "Start premiere %0", retries = 5)
    public void start(UUID id, long atEpochMs) throws InterruptedException {
        if (waitFor(atEpochMs)) {
            transitions.advance(id, PremiereState.LIVE, atEpochMs);
        }
    }

    /** Ends premiere {@code id}, if it still ends at {@code atEpochMs}. */
    @Job(name = "End premiere %0", retries = 5)
    public void end(UUID id, long atEpochMs) throws InterruptedException {
        if (waitFor(atEpochMs)) {
            transitions.advance(id, PremiereState.ENDED, atEpochMs);
        }
    }

    private boolean waitFor(long atEpochMs) throws InterruptedException {
        long early = atEpochMs - clock.millis();
        if (early > MAX_WAIT.toMillis()) {
            return false;
        }
        if (early > 0) {
            Thread.sleep(early);
        }
        return true;
    }
}
