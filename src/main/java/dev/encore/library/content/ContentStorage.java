package dev.encore.library.content;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.encore.platform.spi.BlobReferences;
import dev.encore.platform.spi.StorageUsage;

/** Tracks and videos in the storage quota and in blob references. */
@Component
class ContentStorage implements StorageUsage, BlobReferences {

    private final List<ContentRepository<?>> repositories;

    ContentStorage(List<ContentRepository<?>> repositories) {
        this.repositories = repositories;
    }

    @Override
    public long bytesUsedBy(UUID ownerId) {
        return repositories.stream().mapToLong(repository -> repository.bytesOf(ownerId)).sum();
    }

    @Override
    public boolean references(String sha256) {
        return repositories.stream().anyMatch(repository -> repository.references(sha256));
    }
}
