package dev.encore.platform.storage;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import software.amazon.awssdk.services.s3.S3Client;

import dev.encore.platform.BlobStore;
import dev.encore.platform.EncoreProperties;

/**
 * The blob store ({@code encore.storage.type}): a local directory or an S3-compatible bucket, with
 * this node's staging area under {@code <data-dir>/staging} either way. A local store counts as
 * shared when the operator says so ({@code encore.storage.local.shared}) or when this is a single
 * embedded node; the distributed profile refuses to start otherwise (see
 * {@code platform.config.DistributedSettingsGuard}).
 */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

    @Bean(destroyMethod = "close")
    StagingArea stagingArea(EncoreProperties encore, Clock clock) throws IOException {
        return new StagingArea(encore.dataDir().resolve("staging"), clock);
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "encore.storage.type", havingValue = "s3")
    S3Client s3Client(StorageProperties storage) {
        return S3Clients.create(storage.s3());
    }

    @Bean
    BlobStore blobStore(StorageProperties storage, EncoreProperties encore, StagingArea staging,
            org.springframework.beans.factory.ObjectProvider<S3Client> s3, Environment environment, Clock clock)
            throws IOException {
        return switch (storage.type()) {
            case LOCAL -> new LocalBlobStore(localPath(storage, encore), staging,
                    storage.local().shared() || !environment.matchesProfiles("distributed"), clock);
            case S3 -> new S3BlobStore(s3.getObject(), storage.s3(), staging, clock);
        };
    }

    static Path localPath(StorageProperties storage, EncoreProperties encore) {
        Path path = storage.local().path();
        return path != null ? path : encore.dataDir().resolve("blobs");
    }
}
