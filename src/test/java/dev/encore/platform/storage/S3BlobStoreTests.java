package dev.encore.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import software.amazon.awssdk.services.s3.S3Client;

import dev.encore.platform.BlobStore;
import dev.encore.support.S3Server;

/** The blob store contract on a bucket of a real S3 implementation (S3Mock), and what only a bucket has. */
class S3BlobStoreTests extends BlobStoreContract {

    private String prefix;
    private S3Client client;

    @Override
    BlobStore create(StagingArea staging) {
        S3Server server = S3Server.get();
        prefix = S3Server.uniquePrefix("contract");
        StorageProperties.S3 settings = new StorageProperties.S3(server.endpoint(), S3Server.REGION, S3Server.BUCKET,
                true, prefix, "test", "test", DataSize.ofMegabytes(6), DataSize.ofMegabytes(5), 8);
        client = S3Clients.create(settings);
        return new S3BlobStore(client, settings, staging, Clock.systemUTC());
    }

    @AfterEach
    void closeClient() {
        client.close();
    }

    @Test
    void keepsObjectsUnderItsPrefixAndIsSharedByEveryNode() throws Exception {
        BlobStore.StoredBlob blob = store.store(staged("in the bucket".getBytes()));
        try (S3Client direct = S3Server.get().client()) {
            assertThat(direct.headObject(head -> head.bucket(S3Server.BUCKET).key(prefix + "blobs/" + blob.sha256()))
                    .contentLength()).isEqualTo(13);
        }
        assertThat(store.directFile(blob.sha256())).as("no local file to hand to sendfile").isEmpty();
        assertThat(store.shared()).isTrue();
    }

    @Test
    void abortsUploadsAbandonedByADeadNode() throws Exception {
        try (S3Client direct = S3Server.get().client()) {
            String key = prefix + "blobs/" + "0".repeat(64);
            direct.createMultipartUpload(create -> create.bucket(S3Server.BUCKET).key(key));
            assertThat(direct.listMultipartUploads(list -> list.bucket(S3Server.BUCKET).prefix(prefix)).uploads())
                    .hasSize(1);
            Thread.sleep(1100); // initiation times count whole seconds
            store.sweepStaging(Duration.ofSeconds(1));
            assertThat(direct.listMultipartUploads(list -> list.bucket(S3Server.BUCKET).prefix(prefix)).uploads())
                    .isEmpty();
        }
    }
}
