package dev.encore.ingest.progress;

import java.util.UUID;
import dev.encore.ingest.imports.ImportView;

/**
 * A change of an import, pushed on STOMP {@code /user/queue/imports} and on the import's SSE
 * stream.
 *
 * @param importId the import
 * @param status   its status
 * @param progress 0..100
 * @param phase    what it is doing, while running
 * @param item     the item that changed, if one did
 */
public record ImportProgressMessage(UUID importId, String status, int progress, String phase,
        ImportView.ItemView item) {

    public static final String TOPIC = "imports";
}
