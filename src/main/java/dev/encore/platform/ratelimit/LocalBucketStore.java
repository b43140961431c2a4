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

    private record Entry(Bucket bucket, Duration period) {
    }

    private final Cache<String, Entry> buckets = Caffeine.newBuilder()
            .maximumSize(1_000_000)
            .expireAfter(Expiry.<String, Entry>accessing((key, entry) -> entry.period()))
            .build();

    @Override
    public ConsumptionProbe tryConsume(String key, BucketConfiguration configuration, Duration period) {
        Entry entry = buckets.get(key, ignored -> new Entry(newBucket(configuration), period));
        return entry.bucket().tryConsumeAndReturnRemaining(1);
    }

    private static Bucket newBucket(BucketConfiguration configuration) {
        var builder = Bucket.builder();
        for (var bandwidth : configuration.getBandwidths()) {
            builder.addLimit(bandwidth);
        }
        return builder.build();
    }
}
