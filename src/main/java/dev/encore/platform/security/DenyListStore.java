package dev.encore.platform.security;

import java.time.Instant;

/** Keys that are refused until a point in time; local or shared through Redis. */
public interface DenyListStore {

    /** Refuses {@code key} until {@code until}; a time in the past is a no-op. */
    void deny(String key, Instant until);

    /** Whether {@code key} is refused now. */
    boolean isDenied(String key);
}
