package dev.encore.ingest.files;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.encore.ingest.artifact.Artifacts;
import dev.encore.ingest.imports.ImportKind;
import dev.encore.ingest.imports.Imports;
import dev.encore.platform.spi.BlobReferences;
import dev.encore.platform.spi.DeliverableFiles;
import dev.encore.platform.spi.FileClaims;
import dev.encore.platform.spi.StorageUsage;

/**
 * Import files as the rest of Encore sees them: deliverable (files, and playlist/batch imports
 * as zip bundles), counted against the owner's quota while live, referencing their blobs (as do
 * unexpired shared artifacts), and claimable by the library.
 */
@Component
class ImportFileCatalog implements DeliverableFiles, StorageUsage, BlobReferences, FileClaims {

    private final ImportFiles files;
    private final Imports imports;
    private final Artifacts artifacts;
    private final Clock clock;

    ImportFileCatalog(ImportFiles files, Imports imports, Artifacts artifacts, Clock clock) {
        this.files = files;
        this.imports = imports;
        this.artifacts = artifacts;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<DeliverableFile> file(UUID id) {
        return files.findLive(id, clock.instant()).map(ImportFile::deliverable);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<DeliverableBundle> bundle(UUID id) {
        return imports.findById(id).map(imported -> {
            List<DeliverableFile> entries = files.findLiveByImport(id, clock.instant()).stream()
                    .map(ImportFile::deliverable).toList();
            // a playlist's zip is named after the playlist; a batch (or a playlist not read yet) after its id
            String name = imported.kind() == ImportKind.PLAYLIST
                    ? FileNames.safe(imported.title(), "playlist-" + id) : "batch-" + id;
            return new DeliverableBundle(id, imported.ownerId(), name, entries, imported.kind() == ImportKind.SINGLE);
        });
    }

    /**
     * Saving to the library: the row goes in the caller's transaction; the blob stays for the caller.
     * A conditional delete, so of two requests claiming the same file at once one gets it and the
     * other finds nothing (not a stale-state failure).
     */
    @Override
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public Optional<DeliverableFile> claim(UUID fileId, UUID ownerId) {
        Instant now = clock.instant();
        return files.findLive(fileId, now).filter(file -> file.ownerId().equals(ownerId))
                .filter(file -> files.deleteLive(fileId, ownerId, now) == 1).map(ImportFile::deliverable);
    }

    @Override
    public long bytesUsedBy(UUID ownerId) {
        return files.liveBytes(ownerId, clock.instant());
    }

    @Override
    public boolean references(String sha256) {
        return files.existsBySha256(sha256) || artifacts.liveWithSha(sha256, clock.instant());
    }
}
