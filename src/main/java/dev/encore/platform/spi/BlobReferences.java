package dev.encore.platform.spi;

/**
 * Whether a module still needs a stored blob. Blobs are shared by content (the same bytes are
 * stored once), so one is deleted only when no module references it ({@link dev.encore.platform.BlobCollector}).
 */
public interface BlobReferences {

    boolean references(String sha256);
}
