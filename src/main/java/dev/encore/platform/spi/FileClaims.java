package dev.encore.platform.spi;

import java.util.Optional;
import java.util.UUID;

import dev.encore.platform.spi.DeliverableFiles.DeliverableFile;

/**
 * Hands a finished file over from the module that made it (an import's result) to the library:
 * the maker forgets the file (its expiry and its quota share go with it) but not the blob, which
 * the caller must reference in the same transaction.
 */
public interface FileClaims {

    /** The file, if {@code ownerId} has it and it has not expired; it is no longer the maker's. */
    Optional<DeliverableFile> claim(UUID fileId, UUID ownerId);
}
