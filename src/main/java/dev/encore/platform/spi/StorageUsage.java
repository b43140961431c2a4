package dev.encore.platform.spi;

import java.util.UUID;

/**
 * Bytes a module keeps for a user, so {@link dev.encore.platform.StorageQuota} can add up what every module stores.
 * Each module that stores user content implements it.
 */
public interface StorageUsage {

    /** Bytes of live (not expired, not deleted) content owned by {@code ownerId}. */
    long bytesUsedBy(UUID ownerId);
}
