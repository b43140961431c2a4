package dev.encore.platform.ratelimit;

import java.time.Instant;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * Health component {@code rateLimiter}: which store buckets live in, and {@code DEGRADED} (still
 * answering 200) while distributed mode falls back to local buckets.
 */
@Component("rateLimiter")
class RateLimiterHealthIndicator implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "Redis unreachable; counting in local buckets");

    private final BucketStore store;

    RateLimiterHealthIndicator(BucketStore store) {
        this.store = store;
    }

    @Override
    public Health health() {
        if (store instanceof RedisBucketStore redis) {
            Instant since = redis.degradedSince();
            return since == null ? Health.up().withDetail("store", "redis").build()
                    : Health.status(DEGRADED).withDetail("store", "local-fallback")
                            .withDetail("since", since.toString()).build();
        }
        return Health.up().withDetail("store", "local").build();
    }
}
