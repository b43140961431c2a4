package dev.encore.ingest;

import java.util.UUID;

/**
 * An import was accepted. Published in the transaction that stores it, so the job is enqueued
 * (from the event publication registry, after commit) exactly when the import exists, even if
 * the process dies in between.
 *
 * @param importId the import
 * @param ownerId  who asked for it
 */
public record ImportQueued(UUID importId, UUID ownerId) {
}
