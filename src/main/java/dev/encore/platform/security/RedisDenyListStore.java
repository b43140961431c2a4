package dev.encore.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The deny-list in Redis, shared by every node, with a local copy of what this node denied. If
 * Redis cannot be reached, this node still refuses what it revoked itself (a logout on another node
 * is not seen until Redis is back: at most one access-token lifetime); the failure is logged once,
 * and Redis is not asked again for {@link #RETRY_AFTER}, so requests do not each wait for its timeout.
 * A marker key without expiry tells whether Redis still holds what it was given: when it is gone,
 * Redis lost its data, and {@link #forgotten()} says so to one node (which puts the marker back).
 */
class RedisDenyListStore implements DenyListStore {

    static final Duration RETRY_AFTER = Duration.ofSeconds(5);
    /** How often Redis is asked whether it still holds its marker. */
    static final Duration CHECK_EVERY = Duration.ofSeconds(5);
    /** The marker's key after the prefix; denied keys start with {@code jti:} or {@code sid:}. */
    static final String MARKER = "present";

    private static final Logger log = LoggerFactory.getLogger(RedisDenyListStore.class);

    private final StringRedisTemplate redis;
    private final String prefix;
    private final Clock clock;
    private final LocalDenyListStore local;
    private volatile Instant retryAt = Instant.MIN;
    private volatile Instant nextCheck = Instant.MIN;

    RedisDenyListStore(StringRedisTemplate redis, String prefix, Clock clock) {
        this.redis = redis;
        this.prefix = prefix;
        this.clock = clock;
        this.local = new LocalDenyListStore(clock);
    }

    @Override
    public void deny(String key, Instant until) {
        local.deny(key, until);
        Duration ttl = Duration.between(clock.instant(), until);
        if (ttl.isNegative() || ttl.isZero()) {
            return;
        }
        try {
            redis.opsForValue().set(prefix + key, "1", ttl);
        }
        catch (RuntimeException ex) {
            log.warn("Could not share a token revocation through Redis; only this node refuses it ({})",
                    ex.getClass().getSimpleName());
        }
    }

    @Override
    public boolean isDenied(String key) {
        if (local.isDenied(key)) {
            return true;
        }
        Instant now = clock.instant();
        if (now.isBefore(retryAt)) {
            return false;
        }
        try {
            boolean denied = Boolean.TRUE.equals(redis.hasKey(prefix + key));
            if (retryAt != Instant.MIN) {
                retryAt = Instant.MIN;
                log.info("The token deny-list in Redis is readable again");
            }
            return denied;
        }
        catch (RuntimeException ex) {
            if (retryAt == Instant.MIN) {
                log.warn("Could not read the token deny-list from Redis; only this node's revocations count until "
                        + "it is back ({})", ex.getClass().getSimpleName());
            }
            retryAt = now.plus(RETRY_AFTER);
            return false;
        }
    }

    /**
     * Sets the marker when it is missing, at most every {@link #CHECK_EVERY}: true when it was
     * missing (Redis lost its data; only the one node whose SET NX succeeds is told), false when it
     * is there or Redis cannot be reached (it is asked again later).
     */
    @Override
    public boolean forgotten() {
        Instant now = clock.instant();
        if (now.isBefore(nextCheck) || now.isBefore(retryAt)) {
            return false;
        }
        nextCheck = now.plus(CHECK_EVERY);
        try {
            return Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(prefix + MARKER, "1"));
        }
        catch (RuntimeException ex) {
            return false; // unreachable: isDenied logs it and counts what this node denied meanwhile
        }
    }
}
