package dev.encore.library.upload;

import java.time.Instant;
import java.util.UUID;

/**
 * A resumable upload as its owner sees it.
 *
 * @param id        tus upload id
 * @param length    declared length (Upload-Length)
 * @param offset    bytes received (Upload-Offset)
 * @param filename  the name from Upload-Metadata, sanitized
 * @param uploadId  the upload it became once every byte arrived ({@code GET /api/v1/uploads/{uploadId}})
 * @param expiresAt deleted then
 */
record TusUploadView(UUID id, long length, long offset, String filename, UUID uploadId, Instant expiresAt) {

    static TusUploadView of(TusUpload upload) {
        return new TusUploadView(upload.id(), upload.length(), upload.offset(), upload.filename(), upload.uploadId(),
                upload.expiresAt());
    }
}
