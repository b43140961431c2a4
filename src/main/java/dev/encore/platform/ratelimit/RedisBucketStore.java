package dev.encore.platform.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * Buckets in Redis, shared by every node. When Redis cannot be reached the service keeps serving:
 * requests are counted in local buckets instead (per node, so a little more lenient), the switch
 * is logged once and counted in {@code encore.ratelimit.fallbacks}, health reports the limiter as
 * degraded, and Redis is tried again after {@link #RETRY_AFTER}.
 */
class RedisBucketStore implements BucketStore, DisposableBean {

    static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(RedisBucketStore.class);

    private final RedisClient client;
    private final String keyPrefix;
    private final LocalBucketStore fallback = new LocalBucketStore();
    private final Counter fallbacks;
    private final Clock clock;
    private final AtomicReference<Instant> degradedSince = new AtomicReference<>();
    private volatile Instant retryAt = Instant.MIN;
    private volatile StatefulRedisConnection<String, byte[]> connection;
    private volatile ProxyManager<String> proxies;

    RedisBucketStore(RedisClient client, String keyPrefix, MeterRegistry meters, Clock clock) {
        this.client = client;
        this.keyPrefix = keyPrefix;
        this.clock = clock;
        this.fallbacks = Counter.builder("encore.ratelimit.fallbacks")
                .description("Rate-limit decisions taken by local buckets because Redis was unreachable")
                .register(meters);
        meters.gauge("encore.ratelimit.degraded", this, store -> store.degradedSince() == null ? 0 : 1);
    }

    @Override
    public ConsumptionProbe tryConsume(String key, BucketConfiguration configuration, Duration period) {
        return inRedisOrLocally(key, configuration, bucket -> bucket.tryConsumeAndReturnRemaining(1),
                () -> {
                    fallbacks.increment();
                    return fallback.tryConsume(key, configuration, period);
                });
    }

    /**
     * Gives the token back where Redis is (or is not) now: had it been taken from the local bucket
     * just before Redis came back, the Redis bucket gains one token at most, and never past its
     * capacity.
     */
    @Override
    public ConsumptionProbe giveBack(String key, BucketConfiguration configuration, Duration period) {
        return inRedisOrLocally(key, configuration, BucketStore::addOneToken,
                () -> fallback.giveBack(key, configuration, period));
    }

    private ConsumptionProbe inRedisOrLocally(String key, BucketConfiguration configuration,
            Function<Bucket, ConsumptionProbe> operation, Supplier<ConsumptionProbe> locally) {
        if (degradedSince.get() == null || !clock.instant().isBefore(retryAt)) {
            try {
                ConsumptionProbe probe = operation.apply(proxies().builder().build(keyPrefix + key, () -> configuration));
                recovered();
                return probe;
            }
            catch (RuntimeException ex) {
                degraded(ex);
            }
        }
        return locally.get();
    }

    /** When the store switched to local buckets, or {@code null} while Redis is in use. */
    Instant degradedSince() {
        return degradedSince.get();
    }

    private ProxyManager<String> proxies() {
        ProxyManager<String> current = proxies;
        if (current == null) {
            synchronized (this) {
                if (proxies == null) {
                    connection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
                    proxies = Bucket4jLettuce.casBasedBuilder(connection)
                            .expirationAfterWrite(ExpirationAfterWriteStrategy
                                    .basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                            .build();
                }
                current = proxies;
            }
        }
        return current;
    }

    private void degraded(RuntimeException ex) {
        retryAt = clock.instant().plus(RETRY_AFTER);
        if (degradedSince.compareAndSet(null, clock.instant())) {
            log.warn("Redis is unreachable for rate limiting; counting in local buckets until it is back ({})",
                    ex.getClass().getSimpleName());
        }
    }

    private void recovered() {
        if (degradedSince.getAndSet(null) != null) {
            log.info("Redis is reachable again; rate limits are shared across nodes once more");
        }
    }

    @Override
    public void destroy() {
        if (connection != null) {
            connection.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
