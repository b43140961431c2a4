package dev.encore.support;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Connection settings of the loopback services used when the {@code services} Maven profile
 * runs the integration suite in distributed mode. Overridable with the usual environment
 * variables (SPRING_DATASOURCE_URL, ...); unreachable services fail the run, never skip it.
 */
public final class ServicesProfile {

    private ServicesProfile() {
    }

    public static boolean active() {
        return Boolean.getBoolean("encore.it.services");
    }

    public static void register(DynamicPropertyRegistry registry) {
        if (!active()) {
            return;
        }
        registry.add("spring.datasource.url", () -> env("SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:5432/test"));
        registry.add("spring.datasource.username", () -> env("SPRING_DATASOURCE_USERNAME", "postgres"));
        registry.add("spring.datasource.password", () -> env("SPRING_DATASOURCE_PASSWORD", ""));
        registry.add("spring.data.redis.host", () -> env("SPRING_DATA_REDIS_HOST", "127.0.0.1"));
        registry.add("spring.rabbitmq.host", () -> env("SPRING_RABBITMQ_HOST", "127.0.0.1"));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
