package dev.encore.platform.storage;

import java.io.IOException;
import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.encore.platform.BlobStore;
import dev.encore.platform.EncoreProperties;

/** The blob store of this node: local disk under {@code <data-dir>/blobs}. */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

    @Bean
    BlobStore blobStore(EncoreProperties properties, Clock clock) throws IOException {
        return new LocalBlobStore(properties.dataDir().resolve("blobs"), clock);
    }
}
