package dev.encore.platform.security;

import java.time.Instant;

/** Keys that are refused until a point in time; local or shared through Redis. */
public interface DenyListStore {

    /** Refuses {@code key} until {@code until}; a time in the past is a no-op. */
    void deny(String key, Instant until);

    /** Whether {@code key} is refused now. */
    boolean isDenied(String key);

    /**
     * Whether this store has lost what it was given since it was last asked (a Redis restarted
     * empty, flushed or failed over to an empty replica), so that the durable record hands it back.
     * True for one caller per loss, across nodes; cheap to call on every request. A store in this
     * process's memory never loses anything while the process runs.
     */
    default boolean forgotten() {
        return false;
    }
}
