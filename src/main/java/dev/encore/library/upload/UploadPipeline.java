package dev.encore.library.upload;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.encore.platform.BlobStore;

/**
 * What every arrived upload goes through, multipart or resumable: the {@link UploadInspection}
 * (type, malware scan, probe, cover), then the file stored content-addressed and an {@link Upload}
 * saved. The caller owns the staging directory and deletes it whatever happens.
 */
@Component
class UploadPipeline {

    private final UploadInspection inspection;
    private final Uploads uploads;
    private final BlobStore blobs;
    private final UploadProperties properties;
    private final Clock clock;

    UploadPipeline(UploadInspection inspection, Uploads uploads, BlobStore blobs, UploadProperties properties,
            Clock clock) {
        this.inspection = inspection;
        this.uploads = uploads;
        this.blobs = blobs;
        this.properties = properties;
        this.clock = clock;
    }

    /** Takes {@code file} (in a staging directory) of {@code ownerId}, sent as {@code filename}. */
    Upload accept(UUID ownerId, Path file, String filename) throws IOException, InterruptedException {
        UploadInspection.Inspected inspected = inspection.inspect(ownerId, file, filename);
        BlobStore.StoredBlob blob = blobs.store(file);
        Instant now = clock.instant();
        return uploads.save(new Upload(new Upload.Received(ownerId, inspected.kind(), inspected.mimeType(), filename,
                inspected.hasVideo()),
                blob, inspected.info(), inspected.coverSha256(), now, now.plus(properties.ttl())));
    }
}
