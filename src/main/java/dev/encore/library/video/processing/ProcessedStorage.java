package dev.encore.library.video.processing;

import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.encore.library.video.VideoFiles;
import dev.encore.platform.spi.BlobReferences;
import dev.encore.platform.spi.StorageUsage;

/** Processed video outputs in the owner's storage quota and in blob references (so the orphan sweep keeps them). */
@Component
class ProcessedStorage implements StorageUsage, BlobReferences {

    private final VideoFiles files;

    ProcessedStorage(VideoFiles files) {
        this.files = files;
    }

    @Override
    public long bytesUsedBy(UUID ownerId) {
        return files.bytesOf(ownerId);
    }

    @Override
    public boolean references(String sha256) {
        return files.existsBySha256(sha256);
    }
}
