package dev.encore.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jobrunr.jobs.annotations.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Limit;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.encore.account.UserDeleted;
import dev.encore.ingest.artifact.Artifact;
import dev.encore.ingest.artifact.Artifacts;
import dev.encore.ingest.config.IngestProperties;
import dev.encore.ingest.files.ImportFile;
import dev.encore.ingest.files.ImportFiles;
import dev.encore.ingest.imports.Imports;
import dev.encore.platform.BlobCollector;
import dev.encore.platform.BlobStore;

/**
 * Keeps files, rows and blobs in step, as recurring jobs rather than per-file timers: expired
 * files and artifacts are deleted (and their blobs when nothing else uses them); a file row
 * whose blob is gone is deleted too, so no row points to a missing file; blobs nothing
 * references and staging directories of dead attempts are swept.
 */
@Component
public class IngestMaintenance {

    private static final Logger log = LoggerFactory.getLogger(IngestMaintenance.class);
    private static final int BATCH = 500;

    private final ImportFiles files;
    private final Imports imports;
    private final Artifacts artifacts;
    private final BlobStore blobs;
    private final BlobCollector collector;
    private final IngestProperties properties;
    private final Clock clock;

    IngestMaintenance(ImportFiles files, Imports imports, Artifacts artifacts, BlobStore blobs, BlobCollector collector,
            IngestProperties properties, Clock clock) {
        this.files = files;
        this.imports = imports;
        this.artifacts = artifacts;
        this.blobs = blobs;
        this.collector = collector;
        this.properties = properties;
        this.clock = clock;
    }

    /** Deletes expired files and artifacts; returns how many rows went. */
    @Job(name = "Delete expired import files")
    public int deleteExpired() {
        Instant now = clock.instant();
        int deleted = 0;
        List<ImportFile> expired;
        while (!(expired = files.findByExpiresAtBefore(now, Limit.of(BATCH))).isEmpty()) {
            files.deleteAll(expired);
            expired.stream().map(ImportFile::sha256).distinct().forEach(collector::collect);
            deleted += expired.size();
        }
        List<Artifact> stale;
        while (!(stale = artifacts.findByExpiresAtBefore(now, Limit.of(BATCH))).isEmpty()) {
            deleted += artifacts.deleteExpired(stale.stream().map(Artifact::getId).toList(), now);
            stale.stream().map(Artifact::sha256).distinct().forEach(collector::collect);
        }
        if (deleted > 0) {
            log.info("Deleted {} expired import files and artifacts", deleted);
        }
        return deleted;
    }

    /**
     * Checks both directions between rows and blobs, and sweeps staging left by dead attempts.
     * Rows and blobs are compared only where every node sees the same blobs ({@link BlobStore#shared}):
     * elsewhere a blob missing here may live on another node. A blob the store cannot answer for
     * (unreachable, timed out) is not missing: the check stops there and tries again next time.
     *
     * @return rows deleted because their blob was missing
     */
    @Job(name = "Check import files against the blob store")
    public int sweep() throws java.io.IOException {
        int missing = 0;
        int orphans = 0;
        if (!blobs.shared()) {
            log.info("Storage sweep: the blob store is not shared by every node; rows and blobs are not compared");
        }
        else {
            missing = deleteRowsWithoutBlob();
            if (missing >= 0) { // else the store is not answering: nothing more is judged by it now
                orphans = collector.sweepOrphans();
            }
        }
        // a live attempt's staging is at most two tool runs old
        int staging = blobs.sweepStaging(properties.timeout().multipliedBy(2).plus(Duration.ofMinutes(10)));
        if (Math.max(missing, 0) + orphans + staging > 0) {
            log.info("Storage sweep: {} rows without blob, {} orphaned blobs, {} dead staging directories",
                    Math.max(missing, 0), orphans, staging);
        }
        return Math.max(missing, 0);
    }

    /** Deletes rows whose blob is gone; -1 (after deleting what it could) when the store stopped answering. */
    private int deleteRowsWithoutBlob() {
        int missing = 0;
        UUID after = new UUID(0, 0); // databases order UUIDs as unsigned bytes: this is the least
        List<ImportFile> page;
        while (!(page = files.findAfter(after, Limit.of(BATCH))).isEmpty()) {
            for (ImportFile file : page) {
                try {
                    if (blobs.metadata(file.sha256()).isEmpty()) {
                        log.warn("Import file {} lost its blob {}; deleting the row", file.id(), file.sha256());
                        files.deleteById(file.id());
                        missing++;
                    }
                }
                catch (java.io.IOException unanswered) {
                    log.warn("Storage sweep stopped: the blob store did not answer ({}); nothing more is deleted "
                            + "until the next sweep", unanswered.getMessage());
                    return -1;
                }
            }
            after = page.getLast().id();
        }
        return missing;
    }

    /** A deleted account's imports and files go with it. */
    @ApplicationModuleListener
    void on(UserDeleted deleted) {
        List<String> shas = files.findByOwnerId(deleted.userId()).stream().map(ImportFile::sha256).distinct().toList();
        imports.deleteByOwnerId(deleted.userId());
        shas.forEach(collector::collect);
    }
}
