package dev.encore.platform.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Keeps this node's staging area honest: when the node starts, before any job or request can
 * stage anything, what attempts of the previous process left (a killed import's half download,
 * the part of a multipart upload it died receiving) is deleted; and what is there at any time is published as {@code encore.storage.staging.bytes}
 * and {@code encore.storage.staging.directories}, so leftovers show up on a dashboard rather than
 * on a full disk.
 */
@Component
class StagingJanitor implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(StagingJanitor.class);
    /** Scrapes within this long of each other share one walk of the area. */
    private static final Duration FRESH = Duration.ofSeconds(10);

    private final StagingArea staging;
    private final MeterRegistry meters;
    private final Clock clock;
    private StagingArea.Usage usage = new StagingArea.Usage(0, 0);
    private Instant measuredAt = Instant.MIN;

    StagingJanitor(StagingArea staging, MeterRegistry meters, Clock clock) {
        this.staging = staging;
        this.meters = meters;
        this.clock = clock;
    }

    @Override
    public void afterPropertiesSet() throws IOException {
        int cleared = staging.clearAttempts();
        if (cleared > 0) {
            log.info("Deleted {} staging directories and spooled upload parts left by the previous run of this node",
                    cleared);
        }
        else if (cleared < 0) {
            log.warn("Another process uses the staging area {}: its leftovers are not cleared (give every node "
                    + "its own encore.data-dir)", staging.root());
        }
        Gauge.builder("encore.storage.staging.bytes", this, janitor -> janitor.usage().bytes())
                .description("Bytes in this node's staging area (work in progress and leftovers)")
                .baseUnit("bytes").register(meters);
        Gauge.builder("encore.storage.staging.directories", this, janitor -> janitor.usage().directories())
                .description("Directories in this node's staging area").register(meters);
    }

    private synchronized StagingArea.Usage usage() {
        Instant now = clock.instant();
        if (measuredAt.isBefore(now.minus(FRESH))) {
            try {
                usage = staging.usage();
            }
            catch (IOException | UncheckedIOException ex) {
                log.debug("Cannot measure the staging area: {}", ex.getMessage());
            }
            measuredAt = now;
        }
        return usage;
    }
}
