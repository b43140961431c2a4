package dev.encore.live.premiere;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Runs a premiere's step at its exact instant on this node. JobRunr looks for due jobs once per poll
 * interval (5 s), too coarse for a start everyone watches: its job runs a little ahead and hands the
 * step to this timer. Nothing is lost when the node stops before: the step's check in the database
 * ({@link PremiereTransitions#advance}) and the minutely catch-up take it over.
 */
@Component
class PremiereTimer implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PremiereTimer.class);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("premiere-timer").daemon().factory());
    private final Clock clock;

    PremiereTimer(Clock clock) {
        this.clock = clock;
    }

    /** Runs {@code step} at {@code when} (at once when that has passed); a failure is logged. */
    void at(Instant when, Runnable step) {
        long delay = Math.max(0, when.toEpochMilli() - clock.millis());
        timer.schedule(() -> {
            try {
                step.run();
            }
            catch (RuntimeException failed) {
                log.warn("A premiere step failed; the minutely catch-up takes it over", failed);
            }
        }, delay, TimeUnit.MILLISECONDS);
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }
}
