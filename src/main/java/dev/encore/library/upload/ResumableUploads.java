package dev.encore.library.upload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Limit;
import org.springframework.http.HttpStatus;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.util.FileSystemUtils;
import org.springframework.web.ErrorResponseException;

import dev.encore.account.UserDeleted;
import dev.encore.library.Viewer;
import dev.encore.library.content.LibraryProblems;
import dev.encore.platform.Problems;
import dev.encore.platform.spi.StorageUsage;

/**
 * Resumable uploads (tus 1.0): created with their length, which is checked against the size cap and
 * reserved in the storage and daily quotas until they are finished; bytes appended at the offset
 * the client names, in any number of requests, each through any node (every request's bytes are a
 * chunk in the shared blob store, one request at a time holds the upload's {@link TusLeases lease});
 * once all have arrived the file goes through the {@link UploadPipeline}. Terminated, refused and
 * expired uploads leave nothing behind.
 */
@Service
class ResumableUploads implements StorageUsage {

    private static final Logger log = LoggerFactory.getLogger(ResumableUploads.class);
    /** Parts nobody records that are older than this are orphans (their writer died or lost its lease). */
    static final Duration ORPHAN_AGE = Duration.ofHours(1);
    /** How often, and how far apart, a termination asks again for an upload another request holds. */
    private static final int TERMINATION_ATTEMPTS = 10;
    private static final Duration TERMINATION_PAUSE = Duration.ofMillis(50);

    private final TusUploads tusUploads;
    private final TusLeases leases;
    private final TusChunks chunks;
    private final UploadPipeline pipeline;
    private final UploadQuota quota;
    private final UploadProperties properties;
    private final Clock clock;

    ResumableUploads(TusUploads tusUploads, TusLeases leases, TusChunks chunks, UploadPipeline pipeline,
            UploadQuota quota, UploadProperties properties, Clock clock) {
        this.tusUploads = tusUploads;
        this.leases = leases;
        this.chunks = chunks;
        this.pipeline = pipeline;
        this.quota = quota;
        this.properties = properties;
        this.clock = clock;
    }

    /** A new upload of {@code length} bytes, sent as {@code filename}. */
    TusUpload create(Viewer viewer, long length, String filename) {
        if (length < 1) {
            throw problem(HttpStatus.BAD_REQUEST, "invalid-upload-length", "Invalid Upload-Length",
                    "Upload-Length must be at least 1.");
        }
        if (length > properties.maxBytes().toBytes()) {
            throw problem(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Upload too large",
                    "The upload is larger than this server accepts (Tus-Max-Size).");
        }
        chunks.requireRoom(length); // it is assembled on one node's disk at the end
        Instant now = clock.instant();
        TusUpload upload = new TusUpload(viewer.userId(), length, filename, now,
                now.plus(properties.ttl()));
        return quota.admit(viewer.userId(), length, () -> tusUploads.save(upload)); // the row is the reservation
    }

    /**
     * One of my live uploads (404 for anyone else's), with what was written for it: bytes a request
     * wrote but could not record (its node stopped or the database failed before its answer) count
     * as arrived, as in tusd, whose offset is its file's size; unless a request is writing right now.
     */
    TusUpload current(Viewer viewer, UUID id) throws IOException {
        TusUpload upload = get(viewer, id);
        if (upload.completed() || upload.pendingPart() == null) {
            return upload;
        }
        try (TusLeases.Lease lease = leases.tryAcquire(id)) {
            // held by a request that is writing: it records what it wrote when it ends
            return lease == null ? upload : caughtUp(lease, get(viewer, id));
        }
    }

    /** One of my live uploads (404 for anyone else's), as recorded. */
    private TusUpload get(Viewer viewer, UUID id) {
        TusUpload upload = tusUploads.findLive(id, viewer.userId(), clock.instant())
                .orElseThrow(() -> LibraryProblems.notFound("upload"));
        if (upload.legacy()) { // its bytes are on one node's disk from before V90: it must be restarted
            discard(upload);
            throw LibraryProblems.notFound("upload");
        }
        return upload;
    }

    /**
     * Appends {@code body} at {@code offset} (409 unless it is the upload's offset, or while another
     * request on any node writes to it; 413 beyond its length, also once it is finished; 403 when the
     * user is over a quota now) and finishes the upload when every byte has arrived. A body of no
     * bytes at the end retries a finish that clamd's absence prevented, and answers a finished upload
     * as it is.
     */
    TusUpload append(Viewer viewer, UUID id, long offset, InputStream body) throws IOException, InterruptedException {
        get(viewer, id);
        try (TusLeases.Lease lease = leases.tryAcquire(id)) {
            if (lease == null) {
                throw busy();
            }
            TusUpload upload = caughtUp(lease, get(viewer, id));
            if (offset != upload.offset()) {
                throw problem(HttpStatus.CONFLICT, "offset-mismatch", "Upload-Offset mismatch",
                        "The upload is at offset " + upload.offset() + "; resume from there.");
            }
            if (upload.allArrived()) {
                TusChunks.requireEmpty(body); // tus: no byte beyond Upload-Length, not even once finished
                return upload.completed() ? upload : finish(lease, upload);
            }
            requireQuota(upload);
            upload = write(lease, upload, body);
            return upload.allArrived() ? finish(lease, upload) : upload;
        }
    }

    /** The body as the chunk at the upload's offset, recorded with the new offset. */
    private TusUpload write(TusLeases.Lease lease, TusUpload upload, InputStream body) throws IOException {
        String part = TusChunks.name(upload.id(), upload.offset(), lease.token());
        if (!lease.writing(part)) {
            throw busy();
        }
        long written = chunks.write(upload, part, body);
        if (written == 0) {
            lease.wroteNothing();
            chunks.deleteQuietly(List.of(part));
        }
        else if (!lease.record(upload.offset(), written, part)) {
            throw busy(); // another request took over (this one's lease ran out); it adopts the chunk
        }
        return reread(upload);
    }

    /**
     * Termination: the upload and its bytes are deleted (a finished upload's {@link Upload} stays). A
     * request holding the upload is waited for a moment: another termination ends at once, and this one
     * then answers as it would after it (404); a PATCH still writing after that answers 409.
     */
    void terminate(Viewer viewer, UUID id) {
        TusUpload upload = get(viewer, id);
        for (int attempt = 1; ; attempt++) {
            try (TusLeases.Lease lease = leases.tryAcquire(id)) {
                if (lease != null) {
                    discard(upload);
                    return;
                }
            }
            if (!tusUploads.existsById(id)) {
                throw LibraryProblems.notFound("upload");
            }
            if (attempt == TERMINATION_ATTEMPTS) {
                throw busy();
            }
            try {
                Thread.sleep(TERMINATION_PAUSE);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw busy();
            }
        }
    }

    @Override
    public long bytesUsedBy(UUID ownerId) {
        return tusUploads.reservedBytes(ownerId, clock.instant());
    }

    /**
     * Deletes expired uploads, finished or not, with whatever bytes they still have, and parts no
     * upload records; returns how many uploads.
     */
    public int deleteExpired() {
        int deleted = 0;
        List<TusUpload> expired;
        while (!(expired = tusUploads.findByExpiresAtBefore(clock.instant(), Limit.of(500))).isEmpty()) {
            expired.forEach(this::discard);
            deleted += expired.size();
        }
        try {
            sweepOrphanParts(clock.instant().minus(ORPHAN_AGE));
        }
        catch (IOException ex) {
            log.warn("Cannot sweep the orphaned chunks of resumable uploads now; the next run tries again: {}",
                    ex.getMessage());
        }
        return deleted;
    }

    /**
     * Deletes chunks last written before {@code cutoff} that no upload records or is writing: a node
     * died between writing a chunk and recording it, or deleting an upload's chunks failed. Returns how many.
     */
    int sweepOrphanParts(Instant cutoff) throws IOException {
        int swept = 0;
        for (Map.Entry<UUID, List<String>> upload : chunks.writtenBefore(cutoff).entrySet()) {
            Set<String> kept = leases.parts(upload.getKey());
            List<String> orphans = upload.getValue().stream().filter(part -> !kept.contains(part)).toList();
            chunks.deleteQuietly(orphans);
            swept += orphans.size();
        }
        return swept;
    }

    @ApplicationModuleListener
    void on(UserDeleted deleted) {
        tusUploads.findByOwnerId(deleted.userId()).forEach(this::discard);
    }

    /**
     * The upload with its offset at the end of the bytes written for it, when a request wrote more
     * than it recorded (its node died, or the database failed): the part it named before writing.
     * Those bytes are the client's, in order: a request only ever writes what it reads, and deletes
     * what it refuses (413, 507) before it answers. Call with the upload's lease held.
     */
    private TusUpload caughtUp(TusLeases.Lease lease, TusUpload upload) throws IOException {
        String pending = upload.pendingPart();
        if (pending == null || upload.completed()) {
            return upload;
        }
        long staged = Math.min(chunks.size(pending).orElse(0L), upload.remaining());
        if (staged > 0 && lease.record(upload.offset(), staged, pending)) {
            return reread(upload);
        }
        lease.wroteNothing();
        chunks.deleteQuietly(List.of(pending));
        return reread(upload);
    }

    /** The chunks, concatenated on this node, through the pipeline; then they are deleted. */
    private TusUpload finish(TusLeases.Lease lease, TusUpload upload) throws IOException, InterruptedException {
        List<TusLeases.Chunk> recorded = leases.chunks(upload.id());
        Path file = null;
        try {
            file = chunks.assemble(recorded);
            Upload finished = pipeline.accept(upload.ownerId(), file, upload.filename());
            if (!lease.complete(finished.id())) {
                throw busy();
            }
            chunks.deleteQuietly(recorded.stream().map(TusLeases.Chunk::part).toList());
            return reread(upload);
        }
        catch (NoSuchFileException lost) { // a chunk vanished from the store: the upload cannot be finished
            log.warn("A chunk of resumable upload {} is missing from the blob store; the upload is deleted",
                    upload.id());
            discard(upload);
            throw LibraryProblems.notFound("upload");
        }
        catch (ErrorResponseException refused) {
            if (refused.getStatusCode().value() != HttpStatus.SERVICE_UNAVAILABLE.value()) {
                discard(upload); // refused for what it is: nothing stays
            }
            throw refused;
        }
        finally {
            if (file != null) {
                FileSystemUtils.deleteRecursively(file.getParent());
            }
        }
    }

    private void requireQuota(TusUpload upload) {
        try {
            quota.requireWithin(upload.ownerId());
        }
        catch (ErrorResponseException refused) {
            discard(upload);
            throw refused;
        }
    }

    private TusUpload reread(TusUpload upload) {
        return tusUploads.findById(upload.id()).orElseThrow(() -> LibraryProblems.notFound("upload"));
    }

    /** The row and its chunks go (the database first: a chunk left behind is an orphan the sweep takes). */
    private void discard(TusUpload upload) {
        Set<String> parts = leases.parts(upload.id());
        tusUploads.deleteById(upload.id());
        chunks.deleteQuietly(parts);
    }

    private static ErrorResponseException busy() {
        return problem(HttpStatus.CONFLICT, "upload-busy", "Upload busy",
                "Another request is writing to this upload; wait for it to end, then ask for the offset.");
    }

    private static ErrorResponseException problem(HttpStatus status, String slug, String title, String detail) {
        return new ErrorResponseException(status, Problems.of(status, slug, title, detail), null);
    }
}
