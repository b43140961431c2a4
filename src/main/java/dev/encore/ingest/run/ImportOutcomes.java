package dev.encore.ingest.run;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.stereotype.Component;

import dev.encore.ingest.ImportWorker;
import dev.encore.ingest.imports.Import;
import dev.encore.ingest.imports.ImportError;
import dev.encore.ingest.imports.ImportItem;
import dev.encore.ingest.imports.ImportItems;
import dev.encore.ingest.imports.ImportPhase;
import dev.encore.ingest.imports.ImportStatus;
import dev.encore.ingest.imports.Imports;
import dev.encore.ingest.progress.ImportNotifier;
import dev.encore.ingest.source.ImportFailure;

/**
 * Records what happens to a run of {@link ImportWorker}: that it started and ended on this node,
 * its progress, each item's and the import's outcome, the metrics, and the notifications to the
 * owner. Also counts transient failures, which decide whether JobRunr may retry the run.
 */
@Component
public class ImportOutcomes {

    static final int MAX_TRANSIENT_FAILURES = 3;

    private final Imports imports;
    private final ImportEnds ends;
    private final ImportItems items;
    private final RunningImports running;
    private final ImportNotifier notifier;
    private final IngestMetrics metrics;
    private final Clock clock;

    ImportOutcomes(Imports imports, ImportEnds ends, ImportItems items, RunningImports running, ImportNotifier notifier,
            IngestMetrics metrics, Clock clock) {
        this.imports = imports;
        this.ends = ends;
        this.items = items;
        this.running = running;
        this.notifier = notifier;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Marks the import running on this node; null if another run or a cancellation came first.
     * Otherwise the flag that is raised when the import is cancelled; {@link #ended} must follow.
     */
    public AtomicBoolean started(UUID importId) {
        if (imports.markRunning(importId, clock.instant()) == 0) {
            return null;
        }
        AtomicBoolean cancelled = running.start(importId);
        notifier.changed(importId, null);
        return cancelled;
    }

    public void ended(UUID importId) {
        running.finish(importId);
    }

    public ItemProgress progress(UUID importId, UUID itemId, int index, int count, AtomicBoolean cancelled) {
        return new ItemProgress(importId, itemId, index, count, cancelled);
    }

    public void itemRecorded(Import imported, ImportItem item) {
        notifier.changed(imported.id(), item.id());
    }

    public void itemFailed(Import imported, ImportItem item, ImportFailure failure) {
        items.fail(item.id(), failure.error().code(), failure.reason());
        metrics.itemFailed(imported, failure.error().code());
        notifier.changed(imported.id(), item.id());
    }

    /** The import failed as a whole: its playlist could not be read. */
    public void failed(Import imported, ImportFailure failure) {
        ends.finish(imported, ImportStatus.FAILED, failure.error().code(), failure.reason(), clock.instant());
        metrics.finished(imported, ImportStatus.FAILED, failure.error().code());
        notifier.changed(imported.id(), null);
    }

    /** Finishes the import by its items: succeeded, partial or failed, with the first item's error. */
    public void finish(Import imported) {
        List<ImportItem> done = items.findByImportIdOrderByPosition(imported.id());
        long succeeded = done.stream().filter(item -> item.status() == ImportStatus.SUCCEEDED).count();
        ImportStatus status = succeeded == done.size() && !done.isEmpty() ? ImportStatus.SUCCEEDED
                : succeeded > 0 ? ImportStatus.PARTIAL : ImportStatus.FAILED;
        ImportItem failed = status == ImportStatus.SUCCEEDED ? null
                : done.stream().filter(item -> item.errorCode() != null).findFirst().orElse(null);
        String errorCode = failed != null ? failed.errorCode()
                : status != ImportStatus.SUCCEEDED && done.isEmpty() ? ImportError.UNAVAILABLE.code() : null;
        String errorMessage = failed != null ? failed.errorMessage()
                : errorCode != null ? ImportError.UNAVAILABLE.reason() : null;
        if (ends.finish(imported, status, errorCode, errorMessage, clock.instant())) {
            metrics.finished(imported, status, errorCode);
            notifier.changed(imported.id(), null);
        }
    }

    /** Counts a transient failure; true while the import may still be retried. */
    public boolean retryable(UUID importId) {
        imports.countTransientFailure(importId, clock.instant());
        return imports.findById(importId).map(current -> current.transientFailures() < MAX_TRANSIENT_FAILURES)
                .orElse(false);
    }

    /**
     * Progress of one item, written to the database and pushed to the owner when it moved by at
     * least two points or changed phase. A write that changes nothing means the import was
     * cancelled (perhaps on another node): the flag is raised and the tools are stopped.
     */
    public final class ItemProgress {

        private static final Duration MIN_INTERVAL = Duration.ofMillis(250);

        private final UUID importId;
        private final UUID itemId;
        private final int index;
        private final int count;
        private final AtomicBoolean cancelled;
        private ImportPhase lastPhase;
        private int lastPercent = -1;
        private Instant lastAt = Instant.EPOCH;

        private ItemProgress(UUID importId, UUID itemId, int index, int count, AtomicBoolean cancelled) {
            this.importId = importId;
            this.itemId = itemId;
            this.index = index;
            this.count = count;
            this.cancelled = cancelled;
        }

        AtomicBoolean cancelled() {
            return cancelled;
        }

        public synchronized void phase(ImportPhase phase, int itemPercent) {
            if (cancelled.get()) {
                throw new CancellationException("cancelled");
            }
            Instant now = clock.instant();
            boolean phaseChanged = phase != lastPhase;
            if (!phaseChanged && (itemPercent - lastPercent < 2 || now.isBefore(lastAt.plus(MIN_INTERVAL)))) {
                return;
            }
            lastPhase = phase;
            lastPercent = itemPercent;
            lastAt = now;
            int overall = (index * 100 + itemPercent) / count;
            if (imports.progress(importId, overall, phase, now) == 0) {
                cancelled.set(true);
                throw new CancellationException("cancelled");
            }
            items.progress(itemId, itemPercent);
            notifier.changed(importId, itemId);
        }
    }
}
