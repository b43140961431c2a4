/**
 * The files imports produce: their rows, how a finished item is filed for its owner, safe display
 * names, and how the rest of Encore sees them through {@code platform::spi} (deliverable, claimable,
 * counted against the quota, referencing their blobs).
 */
package dev.encore.ingest.files;
