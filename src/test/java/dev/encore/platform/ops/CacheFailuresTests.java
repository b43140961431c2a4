package dev.encore.platform.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.concurrent.ConcurrentMapCache;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class CacheFailuresTests {

    @Test
    void aFailingCacheStoreIsAMissAndTheValueIsComputed() {
        try (var context = new AnnotationConfigApplicationContext(CacheFailures.class, Cached.class)) {
            Lookups lookups = context.getBean(Lookups.class);
            assertThat(lookups.find("a")).isEqualTo("A1");
            assertThat(lookups.find("a")).as("nothing was cached, nothing failed").isEqualTo("A2");
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableCaching
    static class Cached {

        @Bean
        CacheManager brokenStore() {
            return new CacheManager() {
                @Override
                public Cache getCache(String name) {
                    return new UnreachableCache(name);
                }

                @Override
                public java.util.Collection<String> getCacheNames() {
                    return java.util.List.of("lookups");
                }
            };
        }

        @Bean
        Lookups lookups() {
            return new Lookups();
        }
    }

    static class Lookups {

        private final AtomicInteger calls = new AtomicInteger();

        @Cacheable("lookups")
        public String find(String key) {
            return key.toUpperCase() + calls.incrementAndGet();
        }
    }

    /** A store whose every operation fails, as Redis does while it is down. */
    static class UnreachableCache extends ConcurrentMapCache {

        UnreachableCache(String name) {
            super(name);
        }

        @Override
        public ValueWrapper get(Object key) {
            throw new IllegalStateException("connection refused");
        }

        @Override
        public <T> T get(Object key, Callable<T> valueLoader) {
            throw new IllegalStateException("connection refused");
        }

        @Override
        public void put(Object key, Object value) {
            throw new IllegalStateException("connection refused");
        }
    }
}
