package dev.encore.library;

import java.util.List;
import java.util.UUID;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.encore.account.UserDeleted;
import dev.encore.platform.BlobCollector;
import dev.encore.platform.BlobReferences;
import dev.encore.platform.StorageUsage;

/** Library content in the quota and in blob references; a deleted account's content goes with it. */
@Component
class LibraryStorage implements StorageUsage, BlobReferences {

    private final Tracks tracks;
    private final BlobCollector collector;

    LibraryStorage(Tracks tracks, BlobCollector collector) {
        this.tracks = tracks;
        this.collector = collector;
    }

    @Override
    public long bytesUsedBy(UUID ownerId) {
        return tracks.bytesOf(ownerId);
    }

    @Override
    public boolean references(String sha256) {
        return tracks.existsBySha256(sha256);
    }

    @ApplicationModuleListener
    void on(UserDeleted deleted) {
        List<Track> owned = tracks.findByOwnerId(deleted.userId());
        tracks.deleteAll(owned);
        owned.stream().map(Track::sha256).distinct().forEach(collector::collect);
    }
}
