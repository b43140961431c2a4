package dev.encore.ingest.files;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.encore.ingest.SourceMetadata;
import dev.encore.ingest.artifact.SharedArtifacts;
import dev.encore.ingest.config.IngestProperties;
import dev.encore.ingest.imports.Import;
import dev.encore.ingest.imports.ImportError;
import dev.encore.ingest.imports.ImportItem;
import dev.encore.ingest.imports.ImportItems;
import dev.encore.ingest.source.ImportFailure;
import dev.encore.platform.QuotaLock;
import dev.encore.platform.StorageQuota;

/** The transactional steps of a run: a playlist's items, and a finished item's file. */
@Component
public class ImportFileRecorder {

    private final ImportItems items;
    private final ImportFiles files;
    private final QuotaLock quotaLock;
    private final StorageQuota quota;
    private final IngestProperties properties;
    private final Clock clock;

    ImportFileRecorder(ImportItems items, ImportFiles files, QuotaLock quotaLock, StorageQuota quota,
            IngestProperties properties, Clock clock) {
        this.items = items;
        this.files = files;
        this.quotaLock = quotaLock;
        this.quota = quota;
        this.properties = properties;
        this.clock = clock;
    }

    /** Creates a playlist's items (capped by {@code encore.ingest.max-playlist-items}). */
    @Transactional
    public List<ImportItem> expandPlaylist(Import imported, SourceMetadata playlist) {
        if (!playlist.playlist()) {
            throw new ImportFailure(ImportError.UNSUPPORTED_URL, "no playlist found at this address", "not a playlist");
        }
        if (playlist.entries().isEmpty()) {
            throw new ImportFailure(ImportError.UNSUPPORTED_URL, "the playlist is empty", "an empty playlist");
        }
        List<ImportItem> created = new ArrayList<>();
        List<SourceMetadata.Entry> entries = playlist.entries();
        for (int position = 0; position < entries.size() && position < properties.maxPlaylistItems(); position++) {
            SourceMetadata.Entry entry = entries.get(position);
            String title = entry.title() == null ? null : entry.title().substring(0, Math.min(500, entry.title().length()));
            created.add(items.save(new ImportItem(imported.id(), position, entry.url(), title)));
        }
        return created;
    }

    /**
     * Files the artifact for the import's owner, under the owner's lock so two finishing items
     * cannot both squeeze into the last bytes of the quota.
     *
     * @throws ImportFailure {@code quota-exceeded} when it does not fit
     */
    @Transactional
    public void record(Import imported, ImportItem item, SharedArtifacts.Ready ready, String filename) {
        quotaLock.lock(imported.ownerId());
        if (quota.remaining(imported.ownerId()) < ready.size()) {
            throw new ImportFailure(ImportError.QUOTA_EXCEEDED, ready.size() + " bytes do not fit the quota");
        }
        Instant now = clock.instant();
        ImportFile file = files.save(new ImportFile(imported.ownerId(), imported.id(), item.id(), filename,
                imported.format().mimeType(), ready.size(), ready.sha256(), ready.durationMs(), now,
                now.plus(properties.resultTtl())));
        if (items.succeed(item.id(), file.id()) == 0) {
            throw new java.util.concurrent.CancellationException("cancelled");
        }
    }
}
