package dev.encore.platform.ratelimit;

import java.time.Duration;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;

/** Where token buckets live: in this process, or in Redis for all nodes. */
public interface BucketStore {

    /**
     * Takes one token from the bucket {@code key}, creating it with {@code configuration} if
     * needed; {@code period} bounds how long an idle bucket must be kept.
     */
    ConsumptionProbe tryConsume(String key, BucketConfiguration configuration, Duration period);
}
