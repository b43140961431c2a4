package dev.encore.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

/** The deny-list of one process; each entry expires when it no longer matters. */
class LocalDenyListStore implements DenyListStore {

    private final Clock clock;
    private final Cache<String, Instant> entries;

    LocalDenyListStore(Clock clock) {
        this.clock = clock;
        this.entries = Caffeine.newBuilder()
                .expireAfter(Expiry.<String, Instant>creating((key, until) -> remaining(until)))
                .build();
    }

    @Override
    public void deny(String key, Instant until) {
        if (until.isAfter(clock.instant())) {
            entries.put(key, until);
        }
    }

    @Override
    public boolean isDenied(String key) {
        Instant until = entries.getIfPresent(key);
        return until != null && until.isAfter(clock.instant());
    }

    private Duration remaining(Instant until) {
        Duration left = Duration.between(clock.instant(), until);
        return left.isNegative() ? Duration.ZERO : left;
    }
}
