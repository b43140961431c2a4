package dev.encore.ingest.imports;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import dev.encore.ingest.SourceMetadata;

/**
 * An import as its owner sees it.
 *
 * @param id         import id
 * @param kind       {@code single}, {@code playlist} or {@code batch}
 * @param format     output format ({@code mp3}, ...)
 * @param status     {@code QUEUED}, {@code RUNNING}, {@code SUCCEEDED}, {@code PARTIAL}, {@code FAILED} or {@code CANCELLED}
 * @param progress   0..100
 * @param phase      while running: {@code resolving}, {@code downloading}, {@code converting} or {@code finishing}
 * @param errorCode  why it failed, when it did: a code to branch on
 * @param errorMessage why it failed, in words to show (e.g. "the source answered 404 Not Found")
 * @param title      a playlist's title, once read (the zip of its files is named after it)
 * @param sourceUrl  the link (single and playlist imports)
 * @param customName the requested display name, if any
 * @param createdAt  when it was requested
 * @param updatedAt  last change
 * @param finishedAt when it ended
 * @param items      its links, in order
 */
public record ImportView(UUID id, String kind, String format, String status, int progress, String phase,
        String errorCode, String errorMessage, String title, String sourceUrl, String customName, Instant createdAt,
        Instant updatedAt, Instant finishedAt, List<ItemView> items) {

    /**
     * One link of an import.
     *
     * @param id        item id
     * @param position  0-based position
     * @param url       the link (for a playlist's entry, as the playlist gives it)
     * @param title     the title the playlist gives the entry, else the media's, once known
     * @param status    like the import's status
     * @param progress  0..100
     * @param errorCode why it failed, when it did
     * @param errorMessage why it failed, in words to show
     * @param fileId    the resulting file ({@code GET /api/v1/files/{id}}), once it succeeded
     */
    public record ItemView(UUID id, int position, String url, String title, String status, int progress,
            String errorCode, String errorMessage, UUID fileId) {

        public static ItemView of(ImportItem item) {
            return new ItemView(item.id(), item.position(), SourceMetadata.shown(item.url()), item.title(),
                    item.status().name(), item.progress(), item.errorCode(), item.errorMessage(), item.fileId());
        }
    }

    public static ImportView of(Import imported, List<ImportItem> items) {
        return new ImportView(imported.id(), imported.kind().name().toLowerCase(Locale.ROOT),
                imported.format().extension(), imported.status().name(), imported.progress(),
                imported.phase() == null ? null : imported.phase().value(), imported.errorCode(),
                imported.errorMessage(), imported.title(), imported.sourceUrl(), imported.customName(),
                imported.createdAt(), imported.updatedAt(), imported.finishedAt(),
                items.stream().map(ItemView::of).toList());
    }
}
