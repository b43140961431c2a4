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

    /**
     * The longest a premiere may stay live after its video ends (chat open, the player paused at the
     * end): a day, so an {@code endsAt} in the year 9999 cannot keep a chat open for ever.
     */
    static final Duration LONGEST_AFTERWARDS = Duration.ofHours(24);
}
