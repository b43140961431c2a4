package dev.encore.platform.ratelimit;

import java.time.Duration;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.VerboseResult;

/** Where token buckets live: in this process, or in Redis for all nodes. */
public interface BucketStore {

    /**
     * Takes one token from the bucket {@code key}, creating it with {@code configuration} if
     * needed; {@code period} bounds how long an idle bucket must be kept.
     */
    ConsumptionProbe tryConsume(String key, BucketConfiguration configuration, Duration period);

    /**
     * Puts back the one token a request took from the bucket {@code key} (never past its capacity)
     * and says how full the bucket is now, as a consumed probe: remaining tokens and nanoseconds until
     * it is full. A bucket that is gone (expired, evicted) is made again, full.
     */
    ConsumptionProbe giveBack(String key, BucketConfiguration configuration, Duration period);

    /** Adds one token to {@code bucket} and reads its state in the same operation (one Redis round trip). */
    static ConsumptionProbe addOneToken(Bucket bucket) {
        VerboseResult.Diagnostics after = bucket.asVerbose().addTokens(1).getDiagnostics();
        return ConsumptionProbe.consumed(after.getAvailableTokens(), after.calculateFullRefillingTime());
    }
}
