package dev.encore.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.MetadataDirective;

import dev.encore.platform.BlobStore;
import dev.encore.platform.storage.StorageProperties;

/**
 * Makes a stored blob look stored long ago (outside the collector's grace), whichever store the
 * application under test runs on: a file's modification time, or an object's {@code stored-at}.
 */
public final class StoredBlobs {

    private StoredBlobs() {
    }

    public static void age(BlobStore blobs, StorageProperties storage, String sha256, Duration age)
            throws IOException {
        Instant then = Instant.now().minus(age);
        Optional<Path> file = blobs.directFile(sha256);
        if (file.isPresent()) {
            Files.setLastModifiedTime(file.get(), FileTime.from(then));
            return;
        }
        String key = storage.s3().keyPrefix() + "blobs/" + sha256;
        try (S3Client client = S3Server.get().client()) {
            client.copyObject(copy -> copy.sourceBucket(storage.s3().bucket()).sourceKey(key)
                    .destinationBucket(storage.s3().bucket()).destinationKey(key)
                    .metadataDirective(MetadataDirective.REPLACE).metadata(Map.of("stored-at", then.toString())));
        }
    }
}
