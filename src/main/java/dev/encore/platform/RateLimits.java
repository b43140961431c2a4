package dev.encore.platform;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

import dev.encore.platform.ratelimit.BucketStore;
import dev.encore.platform.ratelimit.RateLimitProperties;

/**
 * Counts requests against named limits ({@code encore.ratelimit.limits.*}). Buckets live
 * in-process in embedded mode and in Redis in distributed mode. Use {@link RateLimited} on a
 * controller method for the common cases; call {@link #enforce} where the key is known only
 * inside the handler (e.g. the account named in a login body).
 */
@Component
public class RateLimits {

    /**
     * What counting against one named limit needs, built once per name: the bucket configuration
     * and the two decision counters were built and looked up again for every request (the general
     * limit runs on every API call).
     */
    private record Plan(RateLimitProperties.Limit limit, BucketConfiguration configuration, Counter allowed,
            Counter limited, Counter givenBack) {
    }

    private final RateLimitProperties properties;
    private final BucketStore buckets;
    private final MeterRegistry meters;
    private final Map<String, Plan> plans = new ConcurrentHashMap<>();

    RateLimits(RateLimitProperties properties, BucketStore buckets, MeterRegistry meters) {
        this.properties = properties;
        this.buckets = buckets;
        this.meters = meters;
    }

    /** Whether limits are enforced at all ({@code encore.ratelimit.enabled}). */
    public boolean enabled() {
        return properties.enabled();
    }

    /**
     * Counts one request by {@code key} against the limit {@code name}.
     *
     * @throws IllegalArgumentException for an unknown limit name (a programming error)
     */
    public RateLimitStatus consume(String name, String key) {
        Plan plan = plans.computeIfAbsent(name, this::plan);
        ConsumptionProbe probe = buckets.tryConsume(name + ":" + key, plan.configuration(), plan.limit().period());
        (probe.isConsumed() ? plan.allowed() : plan.limited()).increment();
        return status(plan.limit(), probe);
    }

    /**
     * Puts back the token {@link #consume} took for {@code key} from the limit {@code name}, for a
     * request that turned out not to count (one rejected as malformed); never past the capacity.
     * Counted as the outcome {@code given-back}.
     *
     * @return the bucket's state afterwards (allowed)
     * @throws IllegalArgumentException for an unknown limit name (a programming error)
     */
    public RateLimitStatus giveBack(String name, String key) {
        Plan plan = plans.computeIfAbsent(name, this::plan);
        ConsumptionProbe probe = buckets.giveBack(name + ":" + key, plan.configuration(), plan.limit().period());
        plan.givenBack().increment();
        return status(plan.limit(), probe);
    }

    /**
     * Like {@link #consume}, but refuses with {@link RateLimitExceededException} when the bucket
     * is empty.
     */
    public RateLimitStatus enforce(String name, String key) {
        RateLimitStatus status = consume(name, key);
        if (!status.allowed()) {
            throw RateLimitExceededException.of(status);
        }
        return status;
    }

    private Plan plan(String name) {
        RateLimitProperties.Limit limit = properties.limit(name);
        BucketConfiguration configuration = BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(limit.capacity())
                        .refillIntervally(limit.capacity(), limit.period()).build())
                .build();
        return new Plan(limit, configuration, decisions(name, "allowed"), decisions(name, "limited"),
                decisions(name, "given-back"));
    }

    private Counter decisions(String name, String outcome) {
        return meters.counter("encore.ratelimit.decisions", "limit", name, "outcome", outcome);
    }

    private static RateLimitStatus status(RateLimitProperties.Limit limit, ConsumptionProbe probe) {
        return new RateLimitStatus(limit.capacity(), probe.getRemainingTokens(),
                seconds(probe.getNanosToWaitForReset()), seconds(probe.getNanosToWaitForRefill()), probe.isConsumed());
    }

    private static long seconds(long nanos) {
        return (long) Math.ceil(nanos / (double) TimeUnit.SECONDS.toNanos(1));
    }
}
