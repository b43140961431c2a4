package dev.encore.platform.ops;

import org.apache.commons.logging.LogFactory;
import org.springframework.cache.annotation.CachingConfigurer;
import org.springframework.cache.interceptor.CacheErrorHandler;
import org.springframework.cache.interceptor.LoggingCacheErrorHandler;
import org.springframework.context.annotation.Configuration;

/**
 * A cache is a shortcut, never a dependency: when the cache store fails (Redis down in distributed
 * mode) a read counts as a miss and a write is dropped, with a log line, and the caller computes
 * the value as if nothing were cached. Spring's default handler rethrows, which turned a Redis
 * outage into failed imports (their metadata look-up is cached) while readiness said DEGRADED.
 */
@Configuration(proxyBeanMethods = false)
class CacheFailures implements CachingConfigurer {

    @Override
    public CacheErrorHandler errorHandler() {
        return new LoggingCacheErrorHandler(LogFactory.getLog(CacheFailures.class), false);
    }
}
