package dev.encore.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import org.junit.jupiter.api.Test;

import dev.encore.platform.BlobStore;

/** The blob store contract on a local directory, and what only a directory has. */
class LocalBlobStoreTests extends BlobStoreContract {

    @Override
    BlobStore create(StagingArea staging) throws Exception {
        return new LocalBlobStore(work.resolve("blobs"), staging, true, Clock.systemUTC());
    }

    @Test
    void keepsBlobsAsFilesForZeroCopyServing() throws Exception {
        BlobStore.StoredBlob blob = store.store(staged("on disk".getBytes()));
        Path file = store.directFile(blob.sha256()).orElseThrow();
        assertThat(work.resolve("blobs").toRealPath().relativize(file).toString()).isEqualTo(
                blob.sha256().substring(0, 2) + "/" + blob.sha256().substring(2, 4) + "/" + blob.sha256());
        assertThat(Files.readString(file)).isEqualTo("on disk");
    }

    @Test
    void listsExactlyTheBlobsStoredBeforeACutoff() throws Exception {
        String sha256 = store.store(staged("listed".getBytes())).sha256();
        try (java.util.stream.Stream<String> old = store.storedBefore(java.time.Instant.now().minusSeconds(60))) {
            assertThat(old).doesNotContain(sha256);
        }
        try (java.util.stream.Stream<String> all = store.storedBefore(java.time.Instant.now().plusSeconds(60))) {
            assertThat(all).contains(sha256);
        }
    }

    @Test
    void refusesPathsThatLeaveItsRoot() {
        Path root = work.resolve("blobs");
        assertThatThrownBy(() -> LocalBlobStore.inside(root, "../escape")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LocalBlobStore.inside(root, "a/../../escape"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LocalBlobStore.inside(root, ".")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void declaresWhetherEveryNodeSeesIt() throws Exception {
        assertThat(store.shared()).isTrue();
        assertThat(new LocalBlobStore(work.resolve("other"), staging, false, Clock.systemUTC()).shared()).isFalse();
    }
}
