package dev.encore.library.video;

import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.encore.platform.BlobReferences;
import dev.encore.platform.StorageUsage;

/** Videos in the storage quota and in blob references. */
@Component
class VideoStorage implements StorageUsage, BlobReferences {

    private final Videos videos;

    VideoStorage(Videos videos) {
        this.videos = videos;
    }

    @Override
    public long bytesUsedBy(UUID ownerId) {
        return videos.bytesOf(ownerId);
    }

    @Override
    public boolean references(String sha256) {
        return videos.existsBySha256(sha256);
    }
}
