package dev.encore.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.core.StringRedisTemplate;

class RedisDenyListStoreTests {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private final StringRedisTemplate redis = mock(StringRedisTemplate.class);
    private final RedisDenyListStore store = new RedisDenyListStore(redis, "denied:", clock);

    @Test
    void withRedisUnreachableRequestsDoNotEachWaitForItAndItIsAskedAgainLater() {
        when(redis.hasKey(anyString())).thenThrow(new RedisConnectionFailureException("down"));
        assertThat(store.isDenied("a")).isFalse();
        assertThat(store.isDenied("b")).isFalse();
        verify(redis, times(1)).hasKey(anyString());

        now.set(now.get().plus(RedisDenyListStore.RETRY_AFTER).plus(Duration.ofMillis(1)));
        assertThat(store.isDenied("c")).isFalse();
        verify(redis, times(2)).hasKey(anyString());
    }

    @Test
    void whatThisNodeDeniedStaysDeniedWithoutRedis() {
        when(redis.hasKey(anyString())).thenThrow(new RedisConnectionFailureException("down"));
        store.deny("token", now.get().plus(Duration.ofMinutes(5)));
        assertThat(store.isDenied("token")).isTrue();
    }
}
