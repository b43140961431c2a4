package dev.encore.ingest.pipeline;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

import dev.encore.media.MediaTools;

/**
 * Health component {@code ingest}: the yt-dlp, ffmpeg and ffprobe versions. When one is missing
 * the component reports {@code DEGRADED} (readiness still answers 200: accounts, the library and
 * downloads keep working) and new imports are refused with 503.
 */
@Component("ingest")
class IngestHealthIndicator implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "A media tool is missing; imports are refused");

    private final MediaTools tools;

    IngestHealthIndicator(MediaTools tools) {
        this.tools = tools;
    }

    @Override
    public Health health() {
        MediaTools.Snapshot snapshot = tools.versions();
        Health.Builder health = snapshot.complete() ? Health.up() : Health.status(DEGRADED)
                .withDetail("imports", "down");
        snapshot.versions().forEach(health::withDetail);
        for (String tool : new String[] { "yt-dlp", "ffmpeg", "ffprobe" }) {
            if (!snapshot.versions().containsKey(tool)) {
                health.withDetail(tool, "missing");
            }
        }
        return health.build();
    }
}
