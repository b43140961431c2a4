package dev.encore.platform.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import dev.encore.platform.BlobStore;

/** What every store shares: this node's staging area, and the rule that only staged files are stored. */
abstract class StagedBlobStore implements BlobStore {

    protected final StagingArea staging;

    StagedBlobStore(StagingArea staging) {
        this.staging = staging;
    }

    @Override
    public Path createStaging(String purpose) throws IOException {
        return staging.create(purpose);
    }

    @Override
    public Path createStaging(String purpose, UUID job) throws IOException {
        return staging.create(purpose, job);
    }

    @Override
    public Path createResumableStaging(String purpose) throws IOException {
        return staging.createResumable(purpose);
    }

    @Override
    public final StoredBlob store(Path stagedFile) throws IOException {
        Path file = stagedFile.toRealPath();
        if (!staging.contains(file) || !Files.isRegularFile(file)) {
            throw new IllegalArgumentException("only staged files can be stored");
        }
        StoredBlob blob = new StoredBlob(ContentAddress.of(file), Files.size(file));
        commit(file, blob);
        return blob;
    }

    /**
     * Makes the staged {@code file} the stored {@code blob}, whole or not at all, or renews the
     * store time of the same bytes stored before; the staged file is gone afterwards.
     */
    protected abstract void commit(Path file, StoredBlob blob) throws IOException;
}
