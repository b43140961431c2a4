package dev.encore.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.junit.jupiter.api.Test;

import dev.encore.platform.ratelimit.BucketStore;
import dev.encore.platform.ratelimit.RateLimitProperties;
import dev.encore.platform.ratelimit.RateLimitProperties.Limit;

class RateLimitsTests {

    /** Buckets by key, made from the configuration passed with the first request. */
    private final Map<String, Bucket> buckets = new HashMap<>();
    private final BucketStore store = new BucketStore() {

        @Override
        public ConsumptionProbe tryConsume(String key, BucketConfiguration configuration, Duration period) {
            return buckets.computeIfAbsent(key, ignored -> bucket(configuration)).tryConsumeAndReturnRemaining(1);
        }

        @Override
        public ConsumptionProbe giveBack(String key, BucketConfiguration configuration, Duration period) {
            return BucketStore.addOneToken(buckets.computeIfAbsent(key, ignored -> bucket(configuration)));
        }
    };
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final RateLimits limits = new RateLimits(new RateLimitProperties(true, RateLimitProperties.Store.LOCAL,
            "encore:ratelimit:", new Limit(5, Duration.ofMinutes(1)), Map.of("tight", new Limit(2, Duration.ofHours(1)))),
            store, meters);

    @Test
    void eachNamedLimitKeepsItsOwnCapacityAcrossRequests() {
        for (int i = 1; i <= 2; i++) {
            assertThat(limits.consume("tight", "user:a").remaining()).isEqualTo(2 - i);
            assertThat(limits.consume("general", "client:x").remaining()).isEqualTo(5 - i);
        }
        RateLimitStatus refused = limits.consume("tight", "user:a");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.limit()).isEqualTo(2);
        assertThat(refused.retryAfterSeconds()).isBetween(1L, 3600L);
        assertThatThrownBy(() -> limits.enforce("tight", "user:a")).isInstanceOf(RateLimitExceededException.class);
        assertThat(limits.consume("tight", "user:b").allowed()).isTrue();
        assertThat(limits.consume("general", "client:x").limit()).isEqualTo(5);

        assertThat(meters.counter("encore.ratelimit.decisions", "limit", "tight", "outcome", "allowed").count())
                .isEqualTo(3);
        assertThat(meters.counter("encore.ratelimit.decisions", "limit", "tight", "outcome", "limited").count())
                .isEqualTo(2);
        assertThat(meters.counter("encore.ratelimit.decisions", "limit", "general", "outcome", "allowed").count())
                .isEqualTo(3);
    }

    @Test
    void aTokenGivenBackCanBeTakenAgainButNeverOverfillsTheBucket() {
        limits.consume("tight", "user:a");
        limits.consume("tight", "user:a");
        RateLimitStatus givenBack = limits.giveBack("tight", "user:a");
        assertThat(givenBack.allowed()).isTrue();
        assertThat(givenBack.remaining()).isEqualTo(1);
        assertThat(givenBack.resetSeconds()).isBetween(1L, 3600L);
        assertThat(limits.consume("tight", "user:a").allowed()).isTrue();
        assertThat(limits.consume("tight", "user:a").allowed()).isFalse();

        assertThat(limits.giveBack("tight", "user:b").remaining()).isEqualTo(2);
        RateLimitStatus full = limits.giveBack("tight", "user:b");
        assertThat(full.remaining()).isEqualTo(2);
        assertThat(full.resetSeconds()).isZero();
        assertThat(meters.counter("encore.ratelimit.decisions", "limit", "tight", "outcome", "given-back").count())
                .isEqualTo(3);
    }

    @Test
    void anUnknownLimitIsRefusedEveryTime() {
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> limits.consume("nonesuch", "user:a")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("nonesuch");
        }
    }

    private static Bucket bucket(BucketConfiguration configuration) {
        var builder = Bucket.builder();
        for (var bandwidth : configuration.getBandwidths()) {
            builder.addLimit(bandwidth);
        }
        return builder.build();
    }
}
