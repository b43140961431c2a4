package dev.encore.ingest;

import java.util.UUID;

/**
 * An import came to an end: every item done (succeeded, partly or not at all). Published in the
 * transaction that records the outcome, once per import.
 *
 * @param importId  the import
 * @param ownerId   who asked for it
 * @param status    {@code SUCCEEDED}, {@code PARTIAL} or {@code FAILED}
 * @param name      what to call it: the name its owner gave, the playlist's title, or null
 * @param reason    why it failed, in plain words (null when it succeeded)
 */
public record ImportFinished(UUID importId, UUID ownerId, String status, String name, String reason) {
}
