package dev.encore.platform.ratelimit;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;

/**
 * Buckets in a Caffeine cache of this process. Each bucket expires once it has been idle for its
 * period (then it would be full anyway), so memory stays bounded by active clients.
 */
class LocalBucketStore implements BucketStore {

    /**
     * Enough for every client a small server sees within a limit's period, and a bound a flood of
     * distinct clients cannot push past: an entry (key, Bucket4j's state, the cache's node) takes
     * about 420 bytes (measured: 100,000 IPv6-keyed buckets with one limit, Caffeine 3.2, Bucket4j
     * 8.19), so the bound is about 42 MB of the small-box line's 256 MB heap; a million, the earlier
     * bound, would not fit in it. When the bound is reached the least
     * used buckets go first; a client coming back after that starts with a full bucket.
     */
    static final int MAX_BUCKETS = 100_000;

    private record Entry(Bucket bucket, Duration period) {
    }

    private final Cache<String, Entry> buckets = Caffeine.newBuilder()
            .maximumSize(MAX_BUCKETS)
            .expireAfter(Expiry.<String, Entry>accessing((key, entry) -> entry.period()))
            .build();

    @Override
    public ConsumptionProbe tryConsume(String key, BucketConfiguration configuration, Duration period) {
        return bucket(key, configuration, period).tryConsumeAndReturnRemaining(1);
    }

    @Override
    public ConsumptionProbe giveBack(String key, BucketConfiguration configuration, Duration period) {
        return BucketStore.addOneToken(bucket(key, configuration, period));
    }

    private Bucket bucket(String key, BucketConfiguration configuration, Duration period) {
        return buckets.get(key, ignored -> new Entry(newBucket(configuration), period)).bucket();
    }

    private static Bucket newBucket(BucketConfiguration configuration) {
        var builder = Bucket.builder();
        for (var bandwidth : configuration.getBandwidths()) {
            builder.addLimit(bandwidth);
        }
        return builder.build();
    }
}
