package dev.encore.ingest;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jobrunr.jobs.annotations.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.encore.ingest.artifact.SharedArtifacts;
import dev.encore.ingest.files.FileNames;
import dev.encore.ingest.files.ImportFileRecorder;
import dev.encore.ingest.imports.Import;
import dev.encore.ingest.imports.ImportError;
import dev.encore.ingest.imports.ImportItem;
import dev.encore.ingest.imports.ImportItems;
import dev.encore.ingest.imports.ImportKind;
import dev.encore.ingest.imports.ImportPhase;
import dev.encore.ingest.imports.Imports;
import dev.encore.ingest.run.ImportOutcomes;
import dev.encore.ingest.run.StagedFetch;
import dev.encore.ingest.source.ImportFailure;
import dev.encore.ingest.source.SourceKeys;
import dev.encore.ingest.source.SourceResolver;
import dev.encore.platform.StorageFull;

/**
 * Runs one import as a JobRunr job: resolves a playlist into items, then fetches and converts
 * each unfinished item (through {@link SharedArtifacts}, so identical work is done once) and files
 * the result for the owner. A run can repeat safely: finished items are skipped, so an import
 * interrupted by a crash or a shutdown continues where it stopped. Transient failures are thrown
 * to JobRunr, which retries with exponential backoff, until the third; permanent ones fail the
 * item at once, with a reason the owner can read. How many imports a node runs at once is
 * JobRunr's worker count ({@code encore.ingest.workers}, see {@code config.IngestConfiguration}): a node
 * never takes a job it has no worker for. Fetching an item's media is {@link StagedFetch}'s job;
 * recording the run's progress and outcome is {@link ImportOutcomes}'.
 */
@Component
public class ImportWorker {

    private static final Logger log = LoggerFactory.getLogger(ImportWorker.class);

    private final Imports imports;
    private final ImportItems items;
    private final SourceResolver resolver;
    private final ImportFileRecorder recorder;
    private final StagedFetch fetch;
    private final ImportOutcomes outcomes;
    private final SourceKeys keys;
    private final SharedArtifacts artifacts;

    ImportWorker(Imports imports, ImportItems items, SourceResolver resolver, ImportFileRecorder recorder,
            StagedFetch fetch, ImportOutcomes outcomes, SourceKeys keys, SharedArtifacts artifacts) {
        this.keys = keys;
        this.artifacts = artifacts;
        this.imports = imports;
        this.items = items;
        this.resolver = resolver;
        this.recorder = recorder;
        this.fetch = fetch;
        this.outcomes = outcomes;
    }

    @Job(name = "Import %0", retries = 10)
    public void run(UUID importId) throws InterruptedException {
        Import imported = imports.findById(importId).orElse(null);
        if (imported == null || imported.status().finished()) {
            return; // deleted, cancelled or already done
        }
        AtomicBoolean cancelled = outcomes.started(importId);
        if (cancelled == null) {
            return; // cancelled or taken by another run meanwhile
        }
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
            outcomes.finish(imported);
        }
        catch (CancellationException ex) {
            log.info("Import {} was cancelled while running", importId);
        }
        catch (ImportFailure failure) { // the playlist itself could not be read
            if (failure.error().isTransient() && outcomes.retryable(importId)) {
                throw new RetryLater(failure);
            }
            outcomes.failed(imported, failure);
        }
        finally {
            outcomes.ended(importId);
        }
    }

    private void process(Import imported, ImportItem item, int index, int count, AtomicBoolean cancelled)
            throws InterruptedException {
        if (items.start(item.id()) == 0) {
            return;
        }
        ImportOutcomes.ItemProgress progress = outcomes.progress(imported.id(), item.id(), index, count, cancelled);
        // a playlist's entries are named by the playlist: that name stays the item's and its file's
        boolean named = imported.kind() == ImportKind.PLAYLIST && item.title() != null;
        try {
            progress.phase(ImportPhase.RESOLVING, 0);
            // a separate yt-dlp look-up only when the single-flight key needs yt-dlp's answer
            SourceMetadata metadata = resolver.cached(item.url()).orElse(null);
            SourceKeys.Known known = metadata != null ? null : keys.of(item.url()).orElse(null);
            if (metadata == null && known == null) {
                metadata = resolver.resolve(item.url(), false);
            }
            if (metadata != null && metadata.title() != null && item.title() == null) {
                items.title(item.id(), truncate(metadata.title(), 500));
            }
            String sourceKey = known != null ? known.key() : metadata.canonicalKey(item.url());
            String key = truncate(sourceKey, 580) + "|" + imported.format().extension();
            boolean maybeDirect = known != null ? known.direct() : sourceKey.startsWith("url:");
            progress.phase(ImportPhase.DOWNLOADING, 5);
            SharedArtifacts.Ready ready = fetch.fetch(key, imported, item, metadata, maybeDirect, progress);
            progress.phase(ImportPhase.FINISHING, 95);
            String mediaTitle = ready.title() != null ? ready.title() : metadata != null ? metadata.title() : null;
            if (mediaTitle != null && !named) {
                items.title(item.id(), truncate(mediaTitle, 500));
            }
            String title = imported.customName() != null && imported.kind() == ImportKind.SINGLE
                    ? imported.customName() : named ? item.title() : mediaTitle;
            record(imported, item, key, ready, FileNames.of(title, imported.format().extension()));
            outcomes.itemRecorded(imported, item);
        }
        catch (ImportFailure failure) {
            if (failure.error().isTransient() && outcomes.retryable(imported.id())) {
                throw new RetryLater(failure);
            }
            failed(imported, item, failure);
        }
        catch (RuntimeException ex) {
            if (!StorageFull.causedBy(ex)) {
                throw ex;
            }
            failed(imported, item, new ImportFailure(ImportError.STORAGE_FULL, "the disk is full"));
        }
    }

    /**
     * Files the artifact for the owner. When the quota refuses it, an artifact this run made (its
     * conversion fitted the quota, which filled up meanwhile) is let go of, so that its blob is not
     * kept for the result's lifetime uncounted; one reused from another import stays that import's.
     */
    private void record(Import imported, ImportItem item, String key, SharedArtifacts.Ready ready, String filename) {
        try {
            recorder.record(imported, item, ready, filename);
        }
        catch (ImportFailure refused) {
            if (refused.error() == ImportError.QUOTA_EXCEEDED) {
                artifacts.discard(key, ready);
            }
            throw refused;
        }
    }

    private void failed(Import imported, ImportItem item, ImportFailure failure) {
        if (failure.error() == ImportError.STORAGE_FULL) { // the operator's to act on
            log.warn("Import {} item {} failed: the disk is full ({}); free space on the data directory's disk",
                    imported.id(), item.position(), failure.getMessage());
        }
        else {
            log.info("Import {} item {} failed: {}", imported.id(), item.position(), failure.getMessage());
        }
        outcomes.itemFailed(imported, item, failure);
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
}
