package dev.encore.platform.security;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.encore.platform.EncoreSecurityProperties;

/** Chooses where revoked access tokens are remembered ({@code encore.security.deny-list}). */
@Configuration(proxyBeanMethods = false)
class DenyListConfiguration {

    /**
     * The store that answers requests, with its record in the database so a restart forgets no
     * revocation ({@link DurableDenyListStore}). Without a database (the web layer's slice tests)
     * the store is used alone.
     */
    @Bean
    DenyListStore denyListStore(EncoreSecurityProperties properties, ObjectProvider<StringRedisTemplate> redis,
            ObjectProvider<JdbcClient> jdbc, Clock clock) {
        DenyListStore fast = fastStore(properties, redis, clock);
        JdbcClient database = jdbc.getIfAvailable();
        return database == null ? fast : new DurableDenyListStore(fast, database, clock);
    }

    private static DenyListStore fastStore(EncoreSecurityProperties properties,
            ObjectProvider<StringRedisTemplate> redis, Clock clock) {
        if (properties.denyList() == EncoreSecurityProperties.Store.LOCAL) {
            return new LocalDenyListStore(clock);
        }
        StringRedisTemplate template = redis.getIfAvailable();
        if (template == null) {
            throw new IllegalStateException("encore.security.deny-list=redis needs Redis (spring.data.redis.*), "
                    + "which the distributed profile wires");
        }
        return new RedisDenyListStore(template, "encore:denied:", clock);
    }
}
