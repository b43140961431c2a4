package dev.encore.live.premiere;

import java.time.Duration;
import java.time.Instant;

/**
 * When a premiere starts and (optionally) ends.
 *
 * @param startsAt when it starts
 * @param endsAt   when it ends; null: when the video ends
 */
record PremiereTimes(Instant startsAt, Instant endsAt) {

    /** The furthest ahead a premiere may be scheduled. */
    static final Duration HORIZON = Duration.ofDays(365);
}
