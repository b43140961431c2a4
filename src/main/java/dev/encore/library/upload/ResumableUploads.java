package dev.encore.library.upload;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.data.domain.Limit;
import org.springframework.http.HttpStatus;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;

import dev.encore.account.UserDeleted;
import dev.encore.library.Viewer;
import dev.encore.library.content.LibraryProblems;
import dev.encore.platform.Problems;
import dev.encore.platform.spi.StorageUsage;

/**
 * Resumable uploads (tus 1.0): created with their length, which is checked against the size cap and
 * reserved in the storage and daily quotas until they are finished; bytes appended at the offset
 * the client names, in any number of requests; once all have arrived the file goes through the
 * {@link UploadPipeline}. Terminated, refused and expired uploads leave nothing behind.
 */
@Service
class ResumableUploads implements StorageUsage {

    private final TusUploads tusUploads;
    private final TusStaging staging;
    private final UploadPipeline pipeline;
    private final UploadQuota quota;
    private final UploadProperties properties;
    private final Clock clock;
    /** Uploads a request is appending to or finishing right now (one at a time each). */
    private final Set<UUID> busy = ConcurrentHashMap.newKeySet();

    ResumableUploads(TusUploads tusUploads, TusStaging staging, UploadPipeline pipeline, UploadQuota quota,
            UploadProperties properties, Clock clock) {
        this.tusUploads = tusUploads;
        this.staging = staging;
        this.pipeline = pipeline;
        this.quota = quota;
        this.properties = properties;
        this.clock = clock;
    }

    /** A new upload of {@code length} bytes, sent as {@code filename}. */
    TusUpload create(Viewer viewer, long length, String filename) throws IOException {
        if (length < 1) {
            throw problem(HttpStatus.BAD_REQUEST, "invalid-upload-length", "Invalid Upload-Length",
                    "Upload-Length must be at least 1.");
        }
        if (length > properties.maxBytes().toBytes()) {
            throw problem(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Upload too large",
                    "The upload is larger than this server accepts (Tus-Max-Size).");
        }
        Instant now = clock.instant();
        TusUpload upload = new TusUpload(viewer.userId(), length, filename, staging.create(length), now,
                now.plus(properties.ttl()));
        try {
            return quota.admit(viewer.userId(), length, () -> tusUploads.save(upload)); // the row is the reservation
        }
        catch (RuntimeException refused) {
            staging.delete(upload);
            throw refused;
        }
    }

    /**
     * One of my live uploads (404 for anyone else's), with what was staged for it: bytes a request
     * wrote but could not record (the server stopped or the database failed before its answer) count
     * as arrived, as in tusd, whose offset is its file's size; unless a request is writing right now.
     */
    TusUpload current(Viewer viewer, UUID id) throws IOException {
        if (!busy.add(id)) {
            return get(viewer, id); // the writing request records what it wrote when it ends
        }
        try {
            return caughtUp(get(viewer, id));
        }
        finally {
            busy.remove(id);
        }
    }

    /** One of my live uploads (404 for anyone else's), as recorded. */
    private TusUpload get(Viewer viewer, UUID id) {
        TusUpload upload = tusUploads.findLive(id, viewer.userId(), clock.instant())
                .orElseThrow(() -> LibraryProblems.notFound("upload"));
        if (!upload.completed() && !staging.present(upload)) { // swept while idle: it cannot be resumed
            tusUploads.delete(upload);
            throw LibraryProblems.notFound("upload");
        }
        return upload;
    }

    /**
     * Appends {@code body} at {@code offset} (409 unless it is the upload's offset; 413 beyond its
     * length, also once it is finished; 403 when the user is over a quota now) and finishes the upload
     * when every byte has arrived. A body of no bytes at the end retries a finish that clamd's absence
     * prevented, and answers a finished upload as it is.
     */
    TusUpload append(Viewer viewer, UUID id, long offset, InputStream body) throws IOException, InterruptedException {
        lock(id);
        try {
            TusUpload upload = caughtUp(get(viewer, id));
            if (offset != upload.offset()) {
                throw problem(HttpStatus.CONFLICT, "offset-mismatch", "Upload-Offset mismatch",
                        "The upload is at offset " + upload.offset() + "; resume from there.");
            }
            if (upload.completed()) {
                TusStaging.requireEmpty(body); // tus: no byte beyond Upload-Length, not even once finished
                return upload;
            }
            requireQuota(upload);
            upload.advance(offset + staging.append(upload, body));
            TusUpload saved = tusUploads.save(upload);
            return saved.allArrived() ? finish(saved) : saved;
        }
        finally {
            busy.remove(id);
        }
    }

    /** Termination: the upload and its bytes are deleted (a finished upload's {@link Upload} stays). */
    void terminate(Viewer viewer, UUID id) {
        lock(id);
        try {
            discard(get(viewer, id));
        }
        finally {
            busy.remove(id);
        }
    }

    @Override
    public long bytesUsedBy(UUID ownerId) {
        return tusUploads.reservedBytes(ownerId, clock.instant());
    }

    /** Deletes expired uploads, finished or not, with whatever bytes they still have; returns how many. */
    public int deleteExpired() {
        int deleted = 0;
        List<TusUpload> expired;
        while (!(expired = tusUploads.findByExpiresAtBefore(clock.instant(), Limit.of(500))).isEmpty()) {
            expired.forEach(this::discard);
            deleted += expired.size();
        }
        return deleted;
    }

    @ApplicationModuleListener
    void on(UserDeleted deleted) {
        tusUploads.findByOwnerId(deleted.userId()).forEach(this::discard);
    }

    /**
     * The upload with its offset at the end of its staged bytes, when a request wrote more than it
     * recorded. Those bytes are the client's, in order: a request only ever appends what it reads, and
     * takes back what it refuses (413, 507) before it answers. Call with the upload's lock held.
     */
    private TusUpload caughtUp(TusUpload upload) throws IOException {
        if (upload.completed()) {
            return upload;
        }
        long staged = Math.min(staging.size(upload), upload.length());
        if (staged <= upload.offset()) {
            return upload;
        }
        upload.advance(staged);
        return tusUploads.save(upload);
    }

    private TusUpload finish(TusUpload upload) throws IOException, InterruptedException {
        try {
            Upload finished = pipeline.accept(upload.ownerId(), upload.data(), upload.filename());
            upload.complete(finished.id());
            upload = tusUploads.save(upload);
            staging.delete(upload);
            return upload;
        }
        catch (ErrorResponseException refused) {
            if (refused.getStatusCode().value() != HttpStatus.SERVICE_UNAVAILABLE.value()) {
                discard(upload); // refused for what it is: nothing stays
            }
            throw refused;
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

    private void discard(TusUpload upload) {
        staging.delete(upload);
        tusUploads.deleteById(upload.id());
    }

    private void lock(UUID id) {
        if (!busy.add(id)) {
            throw problem(HttpStatus.CONFLICT, "upload-busy", "Upload busy",
                    "Another request is writing to this upload; wait for it to end, then ask for the offset.");
        }
    }

    private static ErrorResponseException problem(HttpStatus status, String slug, String title, String detail) {
        return new ErrorResponseException(status, Problems.of(status, slug, title, detail), null);
    }
}
