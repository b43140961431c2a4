package dev.encore.ingest.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jobrunr.server.BackgroundJobServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.encore.ingest.ImportsClient;
import dev.encore.ingest.IngestMaintenance;
import dev.encore.ingest.config.IngestProperties;
import dev.encore.ingest.imports.AudioFormat;
import dev.encore.ingest.imports.Import;
import dev.encore.ingest.imports.ImportKind;
import dev.encore.ingest.imports.ImportStatus;
import dev.encore.ingest.imports.Imports;
import dev.encore.platform.BlobStore;
import dev.encore.platform.storage.StorageProperties;
import dev.encore.support.Api;
import dev.encore.support.IntegrationTest;
import dev.encore.support.StoredBlobs;
import dev.encore.support.TestAccounts.Account;

/**
 * The recurring housekeeping keeps rows and blobs in step in both directions, and the cluster's
 * queue cap answers 503 with Retry-After.
 */
class IngestMaintenanceIT extends IntegrationTest {

    @Autowired
    private IngestMaintenance maintenance;
    @Autowired
    private Imports imports;
    @Autowired
    private ImportFiles files;
    @Autowired
    private BlobStore blobs;
    @Autowired
    private IngestProperties properties;
    @Autowired
    private StorageProperties storage;
    @Autowired
    private BackgroundJobServer jobServer;

    @Autowired
    private dev.encore.media.VideoProperties video;

    @Test
    void theNodeTakesAsManyJobsAtOnceAsItHasImportAndVideoWorkers() {
        assertThat(properties.workers()).as("this suite leaves encore.ingest.workers at 0: one per core").isZero();
        assertThat(video.workers()).as("and encore.video.workers at its default").isEqualTo(1);
        assertThat(jobServer.getServerStatus().getWorkerPoolSize())
                .isEqualTo(Runtime.getRuntime().availableProcessors() + 1)
                .isEqualTo(properties.effectiveWorkers() + video.workers());
    }

    @Test
    void expiredFilesGoAndTheirBlobWithThemOnceNothingElseUsesIt() throws Exception {
        UUID owner = UUID.randomUUID();
        BlobStore.StoredBlob blob = storeOld("expiring " + UUID.randomUUID());
        ImportFile expired = file(owner, blob, Instant.now().minus(Duration.ofMinutes(1)));
        BlobStore.StoredBlob shared = storeOld("shared " + UUID.randomUUID());
        ImportFile expiredShared = file(owner, shared, Instant.now().minus(Duration.ofMinutes(1)));
        ImportFile liveShared = file(UUID.randomUUID(), shared, Instant.now().plus(Duration.ofHours(1)));

        maintenance.deleteExpired();

        assertThat(files.findById(expired.id())).isEmpty();
        assertThat(blobs.metadata(blob.sha256())).as("no one else used it").isEmpty();
        assertThat(files.findById(expiredShared.id())).isEmpty();
        assertThat(files.findById(liveShared.id())).isPresent();
        assertThat(blobs.metadata(shared.sha256())).as("another user's live file still uses it").isPresent();
    }

    @Test
    void theSweepDeletesRowsWithoutBlobsAndBlobsWithoutRows() throws Exception {
        UUID owner = UUID.randomUUID();
        BlobStore.StoredBlob lost = storeOld("lost " + UUID.randomUUID());
        ImportFile pointsNowhere = file(owner, lost, Instant.now().plus(Duration.ofHours(1)));
        blobs.delete(lost.sha256());
        BlobStore.StoredBlob orphan = storeOld("orphan " + UUID.randomUUID());
        BlobStore.StoredBlob fresh = blobs.store(stage("fresh orphan " + UUID.randomUUID()));
        BlobStore.StoredBlob kept = storeOld("kept " + UUID.randomUUID());
        ImportFile keeper = file(owner, kept, Instant.now().plus(Duration.ofHours(1)));
        Path deadAttempt = blobs.createStaging("import");
        Files.writeString(deadAttempt.resolve("source.mp3"), "half a download");
        Files.setLastModifiedTime(deadAttempt, FileTime.from(Instant.now().minus(properties.timeout().multipliedBy(3))));

        maintenance.sweep();

        assertThat(files.findById(pointsNowhere.id())).as("row whose blob is gone").isEmpty();
        assertThat(blobs.metadata(orphan.sha256())).as("blob without a row").isEmpty();
        assertThat(blobs.metadata(fresh.sha256())).as("a just-stored blob may still get its row").isPresent();
        assertThat(files.findById(keeper.id())).isPresent();
        assertThat(blobs.metadata(kept.sha256())).isPresent();
        assertThat(deadAttempt).as("staging of a dead attempt").doesNotExist();
    }

    @Test
    void aFullQueueAnswers503WithRetryAfter() {
        long queued = imports.countByStatus(ImportStatus.QUEUED);
        List<Import> waiting = new ArrayList<>();
        UUID someoneElse = UUID.randomUUID();
        for (long n = queued; n < properties.maxQueued(); n++) {
            waiting.add(new Import(someoneElse, ImportKind.SINGLE, AudioFormat.MP3, "http://127.0.0.1/q.mp3", null,
                    Instant.now()));
        }
        imports.saveAll(waiting);
        try {
            Account user = users.user();
            var response = new ImportsClient(port).single(user.accessToken(), "http://127.0.0.1:9/x.mp3", null, null);
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).hasValue("60");
            assertThat(Api.json(response).path("type").asString()).endsWith("/import-queue-full");
            assertThat(Api.json(api.get("/api/v1/imports", user.accessToken())).path("totalItems").asLong()).isZero();
        }
        finally {
            imports.deleteAll(waiting);
        }
    }

    private ImportFile file(UUID owner, BlobStore.StoredBlob blob, Instant expiresAt) {
        Import imported = imports.save(new Import(owner, ImportKind.SINGLE, AudioFormat.MP3, "http://127.0.0.1/f.mp3",
                null, Instant.now()));
        imports.markRunning(imported.id(), Instant.now());
        imports.finish(imported.id(), ImportStatus.SUCCEEDED, null, null, Instant.now());
        return files.save(new ImportFile(owner, imported.id(), UUID.randomUUID(), "f.mp3", "audio/mpeg", blob.size(),
                blob.sha256(), 1000L, Instant.now().minus(Duration.ofHours(2)), expiresAt));
    }

    /** A stored blob last stored long ago (outside the collector's grace). */
    private BlobStore.StoredBlob storeOld(String content) throws Exception {
        BlobStore.StoredBlob blob = blobs.store(stage(content));
        StoredBlobs.age(blobs, storage, blob.sha256(), Duration.ofHours(1));
        return blob;
    }

    private Path stage(String content) throws Exception {
        return Files.writeString(blobs.createStaging("test").resolve("blob"), content);
    }
}
