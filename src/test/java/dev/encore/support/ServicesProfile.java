package dev.encore.support;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Connection settings of the loopback services used when the {@code services} Maven profile
 * runs the integration suite in distributed mode. Overridable with the usual environment
 * variables (SPRING_DATASOURCE_URL, ...); unreachable services fail the run, never skip it. Blobs
 * go to a bucket of the S3 server the tests start ({@link S3Server}): distributed means shared
 * storage.
 */
public final class ServicesProfile {

    /** This test JVM's part of the bucket. */
    private static final String KEY_PREFIX = S3Server.uniquePrefix("it");

    private ServicesProfile() {
    }

    public static boolean active() {
        return Boolean.getBoolean("encore.it.services");
    }

    /** The connection properties, by Spring property name. */
    public static Map<String, String> properties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", env("SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:5432/test"));
        properties.put("spring.datasource.username", env("SPRING_DATASOURCE_USERNAME", "postgres"));
        properties.put("spring.datasource.password", env("SPRING_DATASOURCE_PASSWORD", ""));
        properties.put("spring.data.redis.host", env("SPRING_DATA_REDIS_HOST", "127.0.0.1"));
        properties.put("spring.rabbitmq.host", env("SPRING_RABBITMQ_HOST", "127.0.0.1"));
        properties.putAll(storage());
        return properties;
    }

    /** The blob store settings: a bucket of the S3 server this JVM started. */
    public static Map<String, String> storage() {
        return S3Server.get().properties(KEY_PREFIX);
    }

    public static void register(DynamicPropertyRegistry registry) {
        if (active()) {
            properties().forEach((name, value) -> registry.add(name, () -> value));
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
