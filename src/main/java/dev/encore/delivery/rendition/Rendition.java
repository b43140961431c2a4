package dev.encore.delivery.rendition;

import java.time.Instant;
import java.util.UUID;

/**
 * A rendition stored in the blob store.
 *
 * @param sha256    its blob
 * @param size      bytes
 * @param createdAt when it was made (its Last-Modified)
 * @param version   the claim that made it: tells this making from a later one of the same bytes
 */
public record Rendition(String sha256, long size, Instant createdAt, UUID version) {
}
