package dev.encore.platform.ratelimit;

import java.time.Clock;
import java.time.Duration;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Chooses the bucket store from {@code encore.ratelimit.store}. */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    /** Lettuce would otherwise wait a minute per command on a dead connection. */
    private static final Duration REDIS_TIMEOUT = Duration.ofSeconds(1);

    @Bean
    BucketStore bucketStore(RateLimitProperties properties, ObjectProvider<DataRedisConnectionDetails> redis,
            MeterRegistry meters) {
        if (properties.store() == RateLimitProperties.Store.LOCAL) {
            return new LocalBucketStore();
        }
        DataRedisConnectionDetails details = redis.getIfAvailable();
        if (details == null || details.getStandalone() == null) {
            throw new IllegalStateException("encore.ratelimit.store=redis needs a standalone Redis (spring.data.redis.*), "
                    + "which the distributed profile wires");
        }
        DataRedisConnectionDetails.Standalone standalone = details.getStandalone();
        RedisURI.Builder uri = RedisURI.builder().withHost(standalone.getHost()).withPort(standalone.getPort())
                .withDatabase(standalone.getDatabase()).withTimeout(REDIS_TIMEOUT);
        if (details.getPassword() != null) {
            uri = details.getUsername() != null
                    ? uri.withAuthentication(details.getUsername(), details.getPassword().toCharArray())
                    : uri.withPassword(details.getPassword().toCharArray());
        }
        return new RedisBucketStore(RedisClient.create(uri.build()), properties.keyPrefix(), meters, Clock.systemUTC());
    }
}
