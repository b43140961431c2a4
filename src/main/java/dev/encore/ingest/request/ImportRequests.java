package dev.encore.ingest.request;

import java.net.URI;
import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SequencedMap;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import dev.encore.ingest.ImportQueued;
import dev.encore.ingest.config.IngestProperties;
import dev.encore.ingest.files.FileNames;
import dev.encore.ingest.files.ImportFile;
import dev.encore.ingest.files.ImportFiles;
import dev.encore.ingest.imports.AudioFormat;
import dev.encore.ingest.imports.Import;
import dev.encore.ingest.imports.ImportItem;
import dev.encore.ingest.imports.ImportItems;
import dev.encore.ingest.imports.ImportKind;
import dev.encore.ingest.imports.ImportStatus;
import dev.encore.ingest.imports.ImportView;
import dev.encore.ingest.imports.Imports;
import dev.encore.ingest.progress.ImportNotifier;
import dev.encore.ingest.run.IngestMetrics;
import dev.encore.ingest.run.RunningImports;
import dev.encore.ingest.source.SourcePolicy;
import dev.encore.media.MediaTools;
import dev.encore.platform.BlobCollector;
import dev.encore.platform.InvalidFieldsException;
import dev.encore.platform.QuotaLock;
import dev.encore.platform.StorageQuota;

/**
 * Accepting, reading, cancelling and deleting imports. Every link is checked (form, allowed host,
 * every resolved address) before anything is stored; then, under the owner's lock, the running
 * cap, the cluster queue cap and the quota; then the import and its items are stored and its job
 * enqueued through the outbox, in one transaction.
 */
@Service
public class ImportRequests {

    private static final EnumSet<ImportStatus> ACTIVE = EnumSet.of(ImportStatus.QUEUED, ImportStatus.RUNNING);

    private final Imports imports;
    private final ImportItems items;
    private final ImportFiles files;
    private final SourcePolicy policy;
    private final QuotaLock quotaLock;
    private final StorageQuota quota;
    private final IngestProperties properties;
    private final ApplicationEventPublisher events;
    private final RunningImports running;
    private final ImportNotifier notifier;
    private final BlobCollector collector;
    private final IngestMetrics metrics;
    private final MediaTools tools;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ImportRequests(Imports imports, ImportItems items, ImportFiles files, SourcePolicy policy, QuotaLock quotaLock,
            StorageQuota quota, IngestProperties properties, ApplicationEventPublisher events, RunningImports running,
            ImportNotifier notifier, BlobCollector collector, IngestMetrics metrics, MediaTools tools,
            PlatformTransactionManager transactionManager, Clock clock) {
        this.imports = imports;
        this.items = items;
        this.files = files;
        this.policy = policy;
        this.quotaLock = quotaLock;
        this.quota = quota;
        this.properties = properties;
        this.events = events;
        this.running = running;
        this.notifier = notifier;
        this.collector = collector;
        this.metrics = metrics;
        this.tools = tools;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /**
     * What to import.
     *
     * @param kind       single, playlist or batch
     * @param urls       one link (single, playlist) or 1..max-batch-urls links (batch)
     * @param format     output format name; null for mp3
     * @param customName display name of a single import's file; null for the title
     */
    public record Request(ImportKind kind, List<String> urls, String format, String customName) {

        /** The links as they are checked, stored and fetched: {@link SourcePolicy#normalize}d. */
        public Request {
            urls = urls == null ? null : urls.stream().map(SourcePolicy::normalize).toList();
        }
    }

    public ImportView create(UUID ownerId, Request request) {
        AudioFormat format = validate(request); // resolves hosts: before any connection is taken
        if (!tools.versions().complete()) {
            throw ImportRefusedException.toolsMissing();
        }
        quotaLock.ensureRow(ownerId);
        return transactions.execute(status -> admitAndStore(ownerId, request, format));
    }

    private ImportView admitAndStore(UUID ownerId, Request request, AudioFormat format) {
        quotaLock.lock(ownerId);
        if (imports.countByOwnerIdAndStatusIn(ownerId, ACTIVE) >= properties.maxConcurrentPerUser()) {
            throw ImportRefusedException.tooManyRunning(properties.maxConcurrentPerUser());
        }
        if (imports.countByStatus(ImportStatus.QUEUED) >= properties.maxQueued()) {
            throw ImportRefusedException.queueFull();
        }
        quota.require(ownerId, 1);
        String sourceUrl = request.kind() == ImportKind.BATCH ? null : request.urls().getFirst();
        String customName = request.customName() == null ? null : request.customName().strip();
        Import imported = imports.save(new Import(ownerId, request.kind(), format, sourceUrl, customName,
                clock.instant()));
        if (request.kind() != ImportKind.PLAYLIST) {
            for (int position = 0; position < request.urls().size(); position++) {
                items.save(new ImportItem(imported.id(), position, request.urls().get(position), null));
            }
        }
        events.publishEvent(new ImportQueued(imported.id(), ownerId));
        metrics.requested(imported);
        return view(imported);
    }

    @Transactional(readOnly = true)
    public ImportView get(UUID ownerId, UUID importId) {
        return view(owned(ownerId, importId));
    }

    @Transactional(readOnly = true)
    public Page<ImportView> list(UUID ownerId, Optional<ImportStatus> status, Pageable pageable) {
        Page<Import> page = status.isPresent() ? imports.findByOwnerIdAndStatus(ownerId, status.get(), pageable)
                : imports.findByOwnerId(ownerId, pageable);
        return page.map(this::view);
    }

    /**
     * Cancels a queued or running import (its finished items keep their files), or deletes a
     * finished one with its files: the rows change in one transaction; the running job is stopped,
     * the owner told and unused blobs collected after it committed.
     *
     * @return true when it was cancelled, false when it was deleted
     * @throws ImportNotFoundException when there is no such import of this owner (also when a
     *                                 concurrent request deleted it first)
     */
    public boolean cancelOrDelete(UUID ownerId, UUID importId) {
        Ended ended = transactions.execute(status -> end(ownerId, importId));
        if (ended.cancelled() != null) {
            running.cancel(importId);
            metrics.finished(ended.cancelled(), ImportStatus.CANCELLED, null);
            notifier.changed(importId, null);
            return true;
        }
        ended.blobs().forEach(collector::collect);
        return false;
    }

    /** What {@link #end} did: cancelled this import, or deleted one whose files had these blobs. */
    private record Ended(Import cancelled, List<String> blobs) {
    }

    private Ended end(UUID ownerId, UUID importId) {
        Import imported = owned(ownerId, importId);
        if (!imported.status().finished() && imports.cancel(importId, clock.instant()) == 1) {
            items.cancelAll(importId);
            return new Ended(imported, List.of());
        }
        List<String> blobs = files.findByImportId(importId).stream().map(ImportFile::sha256).distinct().toList();
        if (imports.deleteOwned(importId, ownerId) == 0) { // items and files go with it (ON DELETE CASCADE)
            throw new ImportNotFoundException();
        }
        return new Ended(null, blobs);
    }

    private Import owned(UUID ownerId, UUID importId) {
        return imports.findByIdAndOwnerId(importId, ownerId).orElseThrow(ImportNotFoundException::new);
    }

    private ImportView view(Import imported) {
        return ImportView.of(imported, items.findByImportIdOrderByPosition(imported.id()));
    }

    private AudioFormat validate(Request request) {
        SequencedMap<String, String> errors = new LinkedHashMap<>();
        AudioFormat format = AudioFormat.MP3;
        if (request.format() != null) {
            try {
                format = AudioFormat.of(request.format());
            }
            catch (IllegalArgumentException ex) {
                errors.put("format", "must be one of " + String.join(", ",
                        EnumSet.allOf(AudioFormat.class).stream().map(AudioFormat::extension).toList()));
            }
        }
        if (request.customName() != null) {
            customNameProblem(request.customName()).ifPresent(problem -> errors.put("customName", problem));
        }
        List<String> urls = request.urls();
        if (request.kind() == ImportKind.BATCH) {
            if (urls == null || urls.isEmpty() || urls.size() > properties.maxBatchUrls()) {
                errors.put("urls", "must hold 1 to " + properties.maxBatchUrls() + " links");
            }
            else {
                for (int index = 0; index < urls.size(); index++) {
                    int at = index;
                    urlProblem(urls.get(index)).ifPresent(problem -> errors.put("urls[" + at + "]", problem));
                }
            }
        }
        else {
            urlProblem(urls == null || urls.isEmpty() ? null : urls.getFirst())
                    .ifPresent(problem -> errors.put("url", problem));
        }
        if (!errors.isEmpty()) {
            throw InvalidFieldsException.ofFields(errors);
        }
        return format;
    }

    private Optional<String> urlProblem(String url) {
        Optional<String> problem = policy.checkUrl(url);
        if (problem.isPresent()) {
            return problem;
        }
        return policy.checkAddresses(URI.create(url).getHost());
    }

    /** A display name: 1..200 characters, no path separators, no "..", no leading dot, no control characters. */
    static Optional<String> customNameProblem(String name) {
        if (name.isBlank()) {
            return Optional.of("must not be blank");
        }
        if (name.codePointCount(0, name.length()) > FileNames.MAX_LENGTH) {
            return Optional.of("must be at most " + FileNames.MAX_LENGTH + " characters");
        }
        if (name.contains("/") || name.contains("\\")) {
            return Optional.of("must not contain path separators");
        }
        if (name.contains("..")) {
            return Optional.of("must not contain '..'");
        }
        if (name.strip().startsWith(".")) {
            return Optional.of("must not start with a dot");
        }
        if (name.codePoints().anyMatch(cp -> Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT)) {
            return Optional.of("must not contain control characters");
        }
        return Optional.empty();
    }

    /** The status named {@code value} (any case), for the list filter. */
    public static ImportStatus status(String value) {
        try {
            return ImportStatus.valueOf(value.trim().toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException ex) {
            throw InvalidFieldsException.of("status", "must be one of "
                    + EnumSet.allOf(ImportStatus.class).stream().map(Enum::name).toList());
        }
    }
}
