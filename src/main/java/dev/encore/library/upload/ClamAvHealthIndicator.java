package dev.encore.library.upload;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * Health component {@code clamav} (only when the scan is on): clamd answers {@code PING}. While it
 * does not, uploads are refused ({@code DOWN}) or, with {@code fail-open}, accepted unscanned
 * ({@code DEGRADED}).
 */
@Component("clamav")
@ConditionalOnBooleanProperty("encore.upload.clamav.enabled")
class ClamAvHealthIndicator implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "clamd is unreachable; uploads are accepted unscanned");

    private final MalwareScan scan;
    private final UploadProperties properties;

    ClamAvHealthIndicator(MalwareScan scan, UploadProperties properties) {
        this.scan = scan;
        this.properties = properties;
    }

    @Override
    public Health health() {
        if (scan.reachable()) {
            return Health.up().build();
        }
        return (properties.clamav().failOpen() ? Health.status(DEGRADED) : Health.down())
                .withDetail("uploads", properties.clamav().failOpen() ? "accepted unscanned" : "refused").build();
    }
}
