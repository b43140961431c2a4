package dev.encore.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.encore.platform.BlobStore;

class LocalBlobStoreTests {

    @TempDir
    Path root;

    @Test
    void storesContentAddressedAndOnlyOnce() throws Exception {
        LocalBlobStore store = new LocalBlobStore(root, Clock.systemUTC());
        BlobStore.StoredBlob first = store.store(staged(store, "same bytes"));
        BlobStore.StoredBlob second = store.store(staged(store, "same bytes"));
        assertThat(first.sha256()).isEqualTo(java.util.HexFormat.of().formatHex(java.security.MessageDigest
                .getInstance("SHA-256").digest("same bytes".getBytes())));
        assertThat(first.sha256()).matches("[0-9a-f]{64}").isEqualTo(second.sha256());
        assertThat(first.size()).isEqualTo(10);
        Path stored = store.find(first.sha256()).orElseThrow();
        assertThat(Files.readString(stored)).isEqualTo("same bytes");
        assertThat(root.relativize(stored).toString())
                .isEqualTo(first.sha256().substring(0, 2) + "/" + first.sha256().substring(2, 4) + "/" + first.sha256());
        try (var staging = Files.list(root.resolve(".staging"))) {
            assertThat(staging.flatMap(dir -> {
                try {
                    return Files.list(dir);
                }
                catch (java.io.IOException ex) {
                    throw new java.io.UncheckedIOException(ex);
                }
            })).as("staged files are moved or dropped").isEmpty();
        }
    }

    @Test
    void refusesAnythingOutsideItsRoots() throws Exception {
        LocalBlobStore store = new LocalBlobStore(root, Clock.systemUTC());
        assertThat(store.find("../../etc/passwd")).isEmpty();
        assertThat(store.find("ABCDEF")).isEmpty();
        assertThat(store.find(null)).isEmpty();
        Path outside = Files.writeString(root.getParent().resolve("outside-" + System.nanoTime()), "x");
        assertThatThrownBy(() -> store.store(outside)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.createStaging("../x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LocalBlobStore.inside(root, "../escape")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LocalBlobStore.inside(root, "a/../../escape")).isInstanceOf(IllegalArgumentException.class);
        Files.delete(outside);
    }

    @Test
    void deletes() throws Exception {
        LocalBlobStore store = new LocalBlobStore(root, Clock.systemUTC());
        BlobStore.StoredBlob blob = store.store(staged(store, "bye"));
        assertThat(store.delete(blob.sha256())).isTrue();
        assertThat(store.find(blob.sha256())).isEmpty();
        assertThat(store.delete(blob.sha256())).isFalse();
    }

    @Test
    void sweepsOnlyOldStagingDirectories() throws Exception {
        LocalBlobStore store = new LocalBlobStore(root, Clock.systemUTC());
        Path old = store.createStaging("import");
        Files.writeString(old.resolve("partial.webm"), "partial");
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(Duration.ofHours(3))));
        Path fresh = store.createStaging("import");
        assertThat(store.sweepStaging(Duration.ofHours(1))).isEqualTo(1);
        assertThat(old).doesNotExist();
        assertThat(fresh).exists();
    }

    private static Path staged(LocalBlobStore store, String content) throws Exception {
        return Files.writeString(store.createStaging("test").resolve("file.bin"), content);
    }
}
