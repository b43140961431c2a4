package dev.encore.ingest.run;

import java.util.Locale;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import dev.encore.ingest.imports.Import;
import dev.encore.ingest.imports.ImportStatus;
import dev.encore.ingest.imports.Imports;
import dev.encore.ingest.pipeline.MediaPipeline;

/**
 * Import metrics: requests and outcomes by kind, format and error code, failed items, queue depth
 * and running imports (conversion time and fetched bytes are recorded by {@link MediaPipeline}).
 */
@Component
public class IngestMetrics {

    private final MeterRegistry meters;

    IngestMetrics(MeterRegistry meters, Imports imports, RunningImports running) {
        this.meters = meters;
        Gauge.builder("encore.ingest.queue.depth", imports, repository -> repository.countByStatus(ImportStatus.QUEUED))
                .description("imports waiting for a worker, cluster-wide").register(meters);
        Gauge.builder("encore.ingest.running", running, RunningImports::count)
                .description("imports running on this node").register(meters);
    }

    public void requested(Import imported) {
        meters.counter("encore.ingest.imports.requested", "kind", tag(imported.kind()), "format",
                imported.format().extension()).increment();
    }

    public void finished(Import imported, ImportStatus outcome, String errorCode) {
        meters.counter("encore.ingest.imports", "kind", tag(imported.kind()), "format", imported.format().extension(),
                "outcome", tag(outcome), "error", errorCode == null ? "none" : errorCode).increment();
    }

    void itemFailed(Import imported, String errorCode) {
        meters.counter("encore.ingest.items.failed", "format", imported.format().extension(), "error", errorCode)
                .increment();
    }

    private static String tag(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
