package dev.encore.platform.ops;

import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.application.DiskSpaceHealthIndicator;
import org.springframework.boot.health.autoconfigure.application.DiskSpaceHealthIndicatorProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * Readiness component {@code diskSpace}: Spring Boot's check of the free space on the data
 * directory's disk ({@code management.health.diskspace.*}), which Boot's own component would do too,
 * but it logs a WARN at every probe while the disk is low: a load balancer polling {@code /readyz}
 * every second wrote a line a second. This one tells the log when the state changes, once each way
 * (the bean's name makes Boot's back off; its own logger is set to ERROR).
 */
@Component("diskSpaceHealthIndicator")
class DiskSpaceReadiness implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(DiskSpaceReadiness.class);

    private final DiskSpaceHealthIndicator check;
    private final DiskSpaceHealthIndicatorProperties properties;
    private final AtomicReference<Status> last = new AtomicReference<>(Status.UP);

    DiskSpaceReadiness(DiskSpaceHealthIndicatorProperties properties) {
        this.check = new DiskSpaceHealthIndicator(properties.getPath(), properties.getThreshold());
        this.properties = properties;
    }

    @Override
    public Health health() {
        Health health = check.health();
        Status before = last.getAndSet(health.getStatus());
        if (!health.getStatus().equals(before)) {
            if (Status.DOWN.equals(health.getStatus())) {
                log.warn("Free disk space at {} is below management.health.diskspace.threshold ({}): {} bytes left; "
                        + "this node reports not ready until there is more", properties.getPath(),
                        properties.getThreshold(), health.getDetails().get("free"));
            }
            else if (Status.DOWN.equals(before)) {
                log.info("Free disk space at {} is above management.health.diskspace.threshold ({}) again",
                        properties.getPath(), properties.getThreshold());
            }
        }
        return health;
    }
}
