package dev.encore.ingest.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import org.springframework.stereotype.Component;

import dev.encore.ingest.ImportWorker;
import dev.encore.ingest.SourceMetadata;
import dev.encore.ingest.artifact.SharedArtifacts;
import dev.encore.ingest.imports.Import;
import dev.encore.ingest.imports.ImportItem;
import dev.encore.ingest.imports.ImportPhase;
import dev.encore.ingest.pipeline.MediaPipeline;
import dev.encore.ingest.source.SourceResolver;
import dev.encore.platform.BlobStore;
import dev.encore.platform.StorageQuota;

/**
 * Obtains one item's media for {@link ImportWorker}: through {@link SharedArtifacts}, so identical
 * work is done once, and otherwise by running the {@link MediaPipeline} in a staging directory of
 * the {@link BlobStore} and storing the result. The run's conversion is capped by the importing
 * owner's {@link StorageQuota}: a result that would not fit it is refused before it is stored. The
 * staging directory, and whatever a killed attempt left in it, is deleted afterwards.
 */
@Component
public class StagedFetch {

    private final SharedArtifacts artifacts;
    private final MediaPipeline pipeline;
    private final BlobStore blobs;
    private final StorageQuota quota;

    StagedFetch(SharedArtifacts artifacts, MediaPipeline pipeline, BlobStore blobs, StorageQuota quota) {
        this.artifacts = artifacts;
        this.pipeline = pipeline;
        this.blobs = blobs;
        this.quota = quota;
    }

    /**
     * @param metadata    what a look-up said about the item, or null (the download run describes it)
     * @param maybeDirect whether the item's link may be a direct media file (see {@link MediaPipeline#produce})
     */
    public SharedArtifacts.Ready fetch(String key, Import imported, ImportItem item, SourceMetadata metadata,
            boolean maybeDirect, ImportOutcomes.ItemProgress progress) throws InterruptedException {
        return artifacts.obtain(key, heartbeat -> make(imported, item, metadata, maybeDirect, progress, heartbeat),
                progress.cancelled()::get);
    }

    private SharedArtifacts.Made make(Import imported, ImportItem item, SourceMetadata metadata, boolean maybeDirect,
            ImportOutcomes.ItemProgress progress, Runnable heartbeat) throws InterruptedException {
        Path staging;
        try {
            staging = blobs.createStaging("import", item.id()); // and what a killed attempt of it left
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        try {
            MediaPipeline.Produced produced = pipeline.produce(item.url(), metadata, maybeDirect, imported.format(), staging,
                    () -> quota.remaining(imported.ownerId()), new MediaPipeline.Progress() {
                        @Override
                        public void downloading(double fraction) {
                            heartbeat.run();
                            progress.phase(ImportPhase.DOWNLOADING, 5 + (int) (fraction * 65));
                        }

                        @Override
                        public void converting(double fraction) {
                            heartbeat.run();
                            progress.phase(ImportPhase.CONVERTING, 70 + (int) (fraction * 25));
                        }

                        @Override
                        public void alive() {
                            heartbeat.run();
                        }
                    }, progress.cancelled()::get);
            progress.phase(ImportPhase.CONVERTING, 95);
            return new SharedArtifacts.Made(blobs.store(produced.file()), produced.durationMs(), produced.title());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        finally {
            SourceResolver.deleteQuietly(staging);
        }
    }
}
