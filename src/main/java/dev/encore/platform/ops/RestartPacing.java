package dev.encore.platform.ops;

import java.time.Duration;
import java.time.Instant;

/**
 * When a stopped job server may be started again. The first start comes at the first check; while
 * starts keep failing (the server stops again soon after), each wait doubles, up to 16 checks, so
 * a cause that outlasts the first minutes (a disk still full, a database gone) costs one of
 * JobRunr's own error reports every few minutes, not one per check. A server that has run for
 * {@link #SETTLED} checks since its last start counts as recovered, and the pace starts over.
 * Not thread-safe: the watch's single thread uses it.
 */
final class RestartPacing {

    static final int SETTLED = 4;
    private static final int MAX_FACTOR = 16;

    private final Duration interval;
    private int attempts;
    private Instant lastStart;
    private Instant nextStart = Instant.MIN;

    RestartPacing(Duration interval) {
        this.interval = interval;
    }

    boolean due(Instant now) {
        return !now.isBefore(nextStart);
    }

    /** A start was tried at {@code now}; the next may come after the current wait. */
    void started(Instant now) {
        lastStart = now;
        attempts++;
        nextStart = now.plus(interval.multipliedBy(Math.min(1L << Math.min(attempts - 1, 30), MAX_FACTOR)));
    }

    /**
     * The server was found running at {@code now}.
     *
     * @return true when this ends a run of restarts: it has kept running long enough since the last one
     */
    boolean running(Instant now) {
        if (attempts == 0 || now.isBefore(lastStart.plus(interval.multipliedBy(SETTLED)))) {
            return false;
        }
        attempts = 0;
        nextStart = Instant.MIN;
        return true;
    }

    /** Restarts tried since the server last ran settled. */
    int attempts() {
        return attempts;
    }
}
