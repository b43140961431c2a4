package dev.encore.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jobrunr.jobs.annotations.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.encore.platform.BlobStore;
import dev.encore.ingest.pipeline.MediaPipeline;
import dev.encore.ingest.source.ImportFailure;
import dev.encore.ingest.source.SourceResolver;

/**
 * Runs one import as a JobRunr job: resolves a playlist into items, then fetches and converts
 * each unfinished item (through {@link SharedArtifacts}, so identical work is done once) and files
 * the result for the owner. A run can repeat safely: finished items are skipped, so an import
 * interrupted by a crash or a shutdown continues where it stopped. Transient failures are thrown
 * to JobRunr, which retries with exponential backoff, until the third; permanent ones fail the
 * item at once, with a reason the owner can read. How many imports a node runs at once is
 * JobRunr's worker count ({@code encore.ingest.workers}, see {@link IngestConfiguration}): a node
 * never takes a job it has no worker for.
 */
@Component
public class ImportWorker {

    static final int MAX_TRANSIENT_FAILURES = 3;

    private static final Logger log = LoggerFactory.getLogger(ImportWorker.class);

    private final Imports imports;
    private final ImportItems items;
    private final SourceResolver resolver;
    private final SharedArtifacts artifacts;
    private final MediaPipeline pipeline;
    private final ImportFileRecorder recorder;
    private final ImportNotifier notifier;
    private final RunningImports running;
    private final BlobStore blobs;
    private final IngestMetrics metrics;
    private final Clock clock;

    ImportWorker(Imports imports, ImportItems items, SourceResolver resolver, SharedArtifacts artifacts,
            MediaPipeline pipeline, ImportFileRecorder recorder, ImportNotifier notifier, RunningImports running,
            BlobStore blobs, IngestMetrics metrics, Clock clock) {
        this.imports = imports;
        this.items = items;
        this.resolver = resolver;
        this.artifacts = artifacts;
        this.pipeline = pipeline;
        this.recorder = recorder;
        this.notifier = notifier;
        this.running = running;
        this.blobs = blobs;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Job(name = "Import %0", retries = 10)
    public void run(UUID importId) throws InterruptedException {
        Import imported = imports.findById(importId).orElse(null);
        if (imported == null || imported.status().finished() || imports.markRunning(importId, clock.instant()) == 0) {
            return; // deleted, cancelled or already done
        }
        AtomicBoolean cancelled = running.start(importId);
        notifier.changed(importId, null);
        try {
            List<ImportItem> work = items.findByImportIdOrderByPosition(importId);
            if (imported.kind() == ImportKind.PLAYLIST && work.isEmpty()) {
                SourceMetadata playlist = resolver.resolve(imported.sourceUrl(), true);
                if (playlist.title() != null) { // first: a run that stops after the items would not come here again
                    imports.title(importId, truncate(playlist.title(), 500));
                }
                work = recorder.expandPlaylist(imported, playlist);
            }
            for (int index = 0; index < work.size(); index++) {
                ImportItem item = work.get(index);
                if (!item.status().finished()) {
                    process(imported, item, index, work.size(), cancelled);
                }
            }
            finish(imported);
        }
        catch (CancellationException ex) {
            log.info("Import {} was cancelled while running", importId);
        }
        catch (ImportFailure failure) { // the playlist itself could not be read
            if (failure.error().isTransient() && retryable(importId)) {
                throw new RetryLater(failure);
            }
            imports.finish(importId, ImportStatus.FAILED, failure.error().code(), failure.reason(), clock.instant());
            metrics.finished(imported, ImportStatus.FAILED, failure.error().code());
            notifier.changed(importId, null);
        }
        finally {
            running.finish(importId);
        }
    }

    private void process(Import imported, ImportItem item, int index, int count, AtomicBoolean cancelled)
            throws InterruptedException {
        if (items.start(item.id()) == 0) {
            return;
        }
        ItemProgress progress = new ItemProgress(imported.id(), item.id(), index, count, cancelled);
        // a playlist's entries are named by the playlist: that name stays the item's and its file's
        boolean named = imported.kind() == ImportKind.PLAYLIST && item.title() != null;
        try {
            progress.phase(ImportPhase.RESOLVING, 0);
            SourceMetadata metadata = resolver.resolve(item.url(), false);
            if (metadata.title() != null && item.title() == null) {
                items.title(item.id(), truncate(metadata.title(), 500));
            }
            String key = truncate(metadata.canonicalKey(item.url()), 580) + "|" + imported.format().extension();
            progress.phase(ImportPhase.DOWNLOADING, 5);
            SharedArtifacts.Ready ready = artifacts.obtain(key, heartbeat -> make(imported, item, metadata, progress,
                    heartbeat), cancelled::get);
            progress.phase(ImportPhase.FINISHING, 95);
            String mediaTitle = ready.title() != null ? ready.title() : metadata.title();
            if (mediaTitle != null && !named) {
                items.title(item.id(), truncate(mediaTitle, 500));
            }
            String title = imported.customName() != null && imported.kind() == ImportKind.SINGLE
                    ? imported.customName() : named ? item.title() : mediaTitle;
            recorder.record(imported, item, ready, FileNames.of(title, imported.format().extension()));
            notifier.changed(imported.id(), item.id());
        }
        catch (ImportFailure failure) {
            if (failure.error().isTransient() && retryable(imported.id())) {
                throw new RetryLater(failure);
            }
            log.info("Import {} item {} failed: {}", imported.id(), item.position(), failure.getMessage());
            items.fail(item.id(), failure.error().code(), failure.reason());
            metrics.itemFailed(imported, failure.error().code());
            notifier.changed(imported.id(), item.id());
        }
    }

    private SharedArtifacts.Made make(Import imported, ImportItem item, SourceMetadata metadata, ItemProgress progress,
            Runnable heartbeat) throws InterruptedException {
        Path staging;
        try {
            staging = blobs.createStaging("import", item.id()); // and what a killed attempt of it left
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        try {
            MediaPipeline.Produced produced = pipeline.produce(item.url(), metadata, imported.format(), staging,
                    new MediaPipeline.Progress() {
                        @Override
                        public void downloading(double fraction) {
                            heartbeat.run();
                            progress.phase(ImportPhase.DOWNLOADING, 5 + (int) (fraction * 65));
                        }

                        @Override
                        public void converting(double fraction) {
                            heartbeat.run();
                            progress.phase(ImportPhase.CONVERTING, 70 + (int) (fraction * 25));
                        }

                        @Override
                        public void alive() {
                            heartbeat.run();
                        }
                    }, progress.cancelled()::get);
            progress.phase(ImportPhase.CONVERTING, 95);
            return new SharedArtifacts.Made(blobs.store(produced.file()), produced.durationMs(), produced.title());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        finally {
            SourceResolver.deleteQuietly(staging);
        }
    }

    private void finish(Import imported) {
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
        if (imports.finish(imported.id(), status, errorCode, errorMessage, clock.instant()) == 1) {
            metrics.finished(imported, status, errorCode);
            notifier.changed(imported.id(), null);
        }
    }

    /** Counts a transient failure; true while the import may still be retried. */
    private boolean retryable(UUID importId) {
        imports.countTransientFailure(importId, clock.instant());
        return imports.findById(importId).map(current -> current.transientFailures() < MAX_TRANSIENT_FAILURES)
                .orElse(false);
    }

    /** Thrown to JobRunr, which runs the import again after its exponential backoff. */
    static final class RetryLater extends RuntimeException {

        RetryLater(ImportFailure cause) {
            super("transient failure, retrying: " + cause.getMessage(), cause, false, false);
        }
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    /**
     * Progress of one item, written to the database and pushed to the owner when it moved by at
     * least two points or changed phase. A write that changes nothing means the import was
     * cancelled (perhaps on another node): the flag is raised and the tools are stopped.
     */
    private final class ItemProgress {

        private static final Duration MIN_INTERVAL = Duration.ofMillis(250);

        private final UUID importId;
        private final UUID itemId;
        private final int index;
        private final int count;
        private final AtomicBoolean cancelled;
        private ImportPhase lastPhase;
        private int lastPercent = -1;
        private Instant lastAt = Instant.EPOCH;

        ItemProgress(UUID importId, UUID itemId, int index, int count, AtomicBoolean cancelled) {
            this.importId = importId;
            this.itemId = itemId;
            this.index = index;
            this.count = count;
            this.cancelled = cancelled;
        }

        AtomicBoolean cancelled() {
            return cancelled;
        }

        synchronized void phase(ImportPhase phase, int itemPercent) {
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
