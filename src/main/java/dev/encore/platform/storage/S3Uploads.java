package dev.encore.platform.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * Uploads a file as one object, whole or not at all: a single PUT below the multipart threshold,
 * else a multipart upload, which S3 makes visible only when it is completed and which is aborted
 * when a part fails. Parts are read from the file as they are sent (afresh when the SDK retries
 * one): nothing is held in memory.
 */
final class S3Uploads {

    private static final int MAX_PARTS = 10_000;

    private final S3Client client;
    private final String bucket;
    private final long multipartThreshold;
    private final long partSize;

    S3Uploads(S3Client client, StorageProperties.S3 settings) {
        this.client = client;
        this.bucket = settings.bucket();
        this.multipartThreshold = settings.multipartThreshold().toBytes();
        this.partSize = settings.partSize().toBytes();
    }

    /** Uploads {@code file} ({@code size} bytes) as {@code key} with user {@code metadata}. */
    void upload(Path file, String key, long size, Map<String, String> metadata) {
        if (size < multipartThreshold) {
            client.putObject(put -> put.bucket(bucket).key(key).contentLength(size).metadata(metadata),
                    RequestBody.fromFile(file));
            return;
        }
        // at most 10,000 parts: very large files get larger parts
        long part = Math.max(partSize, (size + MAX_PARTS - 1) / MAX_PARTS);
        String uploadId = client.createMultipartUpload(create -> create.bucket(bucket).key(key)
                .metadata(metadata)).uploadId();
        try {
            List<CompletedPart> parts = new ArrayList<>();
            int number = 1;
            for (long offset = 0; offset < size; offset += part, number++) {
                long length = Math.min(part, size - offset);
                long from = offset;
                int partNumber = number;
                // each attempt (the SDK retries) reads the part afresh from the file: nothing is buffered
                String etag = client.uploadPart(upload -> upload.bucket(bucket).key(key).uploadId(uploadId)
                        .partNumber(partNumber).contentLength(length), RequestBody.fromContentProvider(
                                () -> slice(file, from, length), length, "application/octet-stream")).eTag();
                parts.add(CompletedPart.builder().partNumber(partNumber).eTag(etag).build());
            }
            client.completeMultipartUpload(complete -> complete.bucket(bucket).key(key).uploadId(uploadId)
                    .multipartUpload(upload -> upload.parts(parts)));
        }
        catch (RuntimeException ex) {
            abortQuietly(key, uploadId);
            throw ex;
        }
    }

    private static InputStream slice(Path file, long offset, long length) {
        try {
            FileChannel channel = FileChannel.open(file);
            channel.position(offset);
            return new BoundedInputStream(Channels.newInputStream(channel), length);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Gives up a multipart upload; one that cannot be aborted now is aborted by the staging sweep. */
    void abortQuietly(String key, String uploadId) {
        try {
            client.abortMultipartUpload(abort -> abort.bucket(bucket).key(key).uploadId(uploadId));
        }
        catch (SdkException ex) {
            // the staging sweep aborts it later
        }
    }
}
