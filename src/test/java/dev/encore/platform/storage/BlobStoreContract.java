package dev.encore.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.encore.platform.BlobStore;

/**
 * What every {@link BlobStore} promises, run against each implementation: content addressing and
 * de-duplication, nothing visible before it is whole, large files in parts, ranged reads at the
 * edges, deletion, store times, local copies for tools and their cleanup, staging, and refusal of
 * anything that is not a content address.
 */
abstract class BlobStoreContract {

    /** Above the S3 store's multipart threshold in these tests (6 MB, parts of 5 MB): three parts. */
    static final int LARGE = 12 * 1024 * 1024 + 123;

    @TempDir
    Path work;

    protected StagingArea staging;
    protected BlobStore store;

    /** The store under test, with {@code staging} as its staging area. */
    abstract BlobStore create(StagingArea staging) throws Exception;

    @BeforeEach
    void open() throws Exception {
        staging = new StagingArea(work.resolve("staging"), Clock.systemUTC());
        store = create(staging);
    }

    @AfterEach
    void close() throws IOException {
        staging.close();
    }

    @Test
    void storesContentAddressedAndOnlyOnce() throws Exception {
        BlobStore.StoredBlob first = store.store(staged("same bytes".getBytes()));
        BlobStore.StoredBlob second = store.store(staged("same bytes".getBytes()));
        assertThat(first.sha256()).isEqualTo(sha256("same bytes".getBytes())).isEqualTo(second.sha256());
        assertThat(first.size()).isEqualTo(10);
        assertThat(read(first.sha256(), 0, 10)).isEqualTo("same bytes".getBytes());
        assertThat(store.metadata(first.sha256())).hasValueSatisfying(stored -> assertThat(stored.size()).isEqualTo(10));
        assertThat(filesIn(staging.root())).as("staged files are moved or dropped").isEmpty();
    }

    @Test
    void countsWhatItHoldsEachContentOnce() throws Exception {
        assertThat(store.usage()).isEqualTo(new BlobStore.Usage(0, 0));
        store.store(staged("same bytes".getBytes()));
        store.store(staged("same bytes".getBytes()));
        String other = store.store(staged("other bytes!".getBytes())).sha256();
        assertThat(store.usage()).isEqualTo(new BlobStore.Usage(2, 22));
        store.delete(other);
        assertThat(store.usage()).isEqualTo(new BlobStore.Usage(1, 10));
    }

    @Test
    void nothingIsVisibleBeforeItIsWhole() throws Exception {
        byte[] bytes = random(LARGE);
        String sha256 = sha256(bytes);
        Path file = staged(bytes);
        assertThat(store.metadata(sha256)).as("staged, not stored").isEmpty();
        assertThatThrownBy(() -> store.read(sha256, 0, 1)).isInstanceOf(NoSuchFileException.class);

        CompletableFuture<BlobStore.StoredBlob> storing = CompletableFuture.supplyAsync(() -> {
            try {
                return store.store(file);
            }
            catch (IOException ex) {
                throw new java.io.UncheckedIOException(ex);
            }
        });
        while (!storing.isDone()) {
            store.metadata(sha256).ifPresent(seen -> assertThat(seen.size()).as("whole or nothing").isEqualTo(LARGE));
        }
        assertThat(storing.join().sha256()).isEqualTo(sha256);
        assertThat(read(sha256, 0, LARGE)).as("large files arrive whole (in parts where the store uses them)")
                .isEqualTo(bytes);
    }

    @Test
    void readsRangesUpToTheEdges() throws Exception {
        byte[] bytes = random(1000);
        String sha256 = store.store(staged(bytes)).sha256();
        assertThat(read(sha256, 0, 10)).isEqualTo(Arrays.copyOfRange(bytes, 0, 10));
        assertThat(read(sha256, 990, 10)).isEqualTo(Arrays.copyOfRange(bytes, 990, 1000));
        assertThat(read(sha256, 999, 1)).isEqualTo(new byte[] { bytes[999] });
        assertThat(read(sha256, 500, 5000)).as("fewer bytes when the blob ends first")
                .isEqualTo(Arrays.copyOfRange(bytes, 500, 1000));
        assertThat(read(sha256, 1000, 10)).as("nothing beyond the end").isEmpty();
        assertThat(read(sha256, 0, 0)).isEmpty();
        assertThatThrownBy(() -> store.read(sha256, -1, 10)).isInstanceOf(IllegalArgumentException.class);
        try (InputStream partly = store.read(sha256, 0, 1000)) {
            assertThat(partly.readNBytes(10)).as("a reader may stop early").isEqualTo(Arrays.copyOf(bytes, 10));
        }
    }

    @Test
    void deletes() throws Exception {
        String sha256 = store.store(staged("bye".getBytes())).sha256();
        assertThat(store.delete(sha256)).isTrue();
        assertThat(store.metadata(sha256)).isEmpty();
        assertThat(store.delete(sha256)).isFalse();
        assertThatThrownBy(() -> store.read(sha256, 0, 3)).isInstanceOf(NoSuchFileException.class);
        assertThatThrownBy(() -> store.localFile(sha256)).isInstanceOf(NoSuchFileException.class);
        assertThat(store.directFile(sha256)).isEmpty();
    }

    @Test
    void knowsWhenABlobWasLastStored() throws Exception {
        Instant before = Instant.now().minusSeconds(2); // the service's clock may be a little behind ours
        String sha256 = store.store(staged("timed".getBytes())).sha256();
        Instant first = store.metadata(sha256).orElseThrow().lastStored();
        assertThat(first).isBetween(before, Instant.now().plusSeconds(2));
        assertThat(storedBefore(Instant.now().plus(Duration.ofMinutes(1)))).contains(sha256);

        Thread.sleep(1100); // last-modified times of objects count whole seconds
        store.store(staged("timed".getBytes()));
        assertThat(store.metadata(sha256).orElseThrow().lastStored()).as("storing again renews it").isAfter(first);
    }

    @Test
    void lendsToolsALocalFileAndTakesTheCopyBack() throws Exception {
        byte[] bytes = random(100_000);
        String sha256 = store.store(staged(bytes)).sha256();
        Path lent;
        try (BlobStore.LocalFile file = store.localFile(sha256)) {
            lent = file.path();
            assertThat(Files.readAllBytes(lent)).isEqualTo(bytes);
        }
        if (store.directFile(sha256).isPresent()) {
            assertThat(lent).as("the stored file itself").isEqualTo(store.directFile(sha256).get()).exists();
        }
        else {
            assertThat(lent).as("a copy, gone once closed").doesNotExist();
        }
        assertThat(filesIn(staging.root())).isEmpty();
    }

    @Test
    void refusesWhatIsNotAContentAddress() throws Exception {
        for (String bad : Arrays.asList("../../etc/passwd", "ABCDEF", "a".repeat(63), "A".repeat(64), "", null,
                "../" + "a".repeat(61))) {
            assertThatThrownBy(() -> store.metadata(bad)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.read(bad, 0, 1)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.localFile(bad)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.directFile(bad)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.delete(bad)).isInstanceOf(IllegalArgumentException.class);
        }
        Path outside = Files.writeString(work.resolve("outside"), "x");
        assertThatThrownBy(() -> store.store(outside)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.createStaging("../x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.createStaging("Upper")).isInstanceOf(IllegalArgumentException.class);
        assertThat(outside).as("left alone").exists();
    }

    @Test
    void sweepsOnlyStagingThatWasLeftAlone() throws Exception {
        Path old = store.createStaging("import");
        Files.writeString(old.resolve("partial.webm"), "partial");
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(Duration.ofHours(3))));
        Path fresh = store.createStaging("import");
        Path resumable = store.createResumableStaging("tus");
        Path idle = store.createResumableStaging("tus");
        Files.setLastModifiedTime(idle, FileTime.from(Instant.now().minus(Duration.ofHours(3))));
        assertThat(store.sweepStaging(Duration.ofHours(1))).isGreaterThanOrEqualTo(2);
        assertThat(old).doesNotExist();
        assertThat(idle).doesNotExist();
        assertThat(fresh).exists();
        assertThat(resumable).exists();
    }

    @Test
    void aRetriedJobFindsItsStagingEmpty() throws Exception {
        UUID job = UUID.randomUUID();
        Path first = store.createStaging("import", job);
        Files.writeString(first.resolve("half.webm"), "killed here");
        Path second = store.createStaging("import", job);
        assertThat(second).isEqualTo(first);
        assertThat(filesIn(second)).as("the killed attempt's bytes are gone").isEmpty();
    }

    @Test
    void keepsNamedPartsEveryNodeSeesApartFromTheBlobs() throws Exception {
        byte[] bytes = random(5000);
        long blobs = store.usage().blobs();
        try (BlobStore.PartFile part = store.createPart("tus/upload-1/0-lease")) {
            Files.write(part.path(), bytes);
            part.publish();
        }
        try (BlobStore.PartFile other = store.createPart("tus/upload-2/0-lease")) {
            Files.write(other.path(), random(10));
            other.publish();
        }
        assertThat(store.partSize("tus/upload-1/0-lease")).hasValue(5000L);
        try (InputStream in = store.readPart("tus/upload-1/0-lease", 1200)) {
            assertThat(in.readAllBytes()).as("the first bytes only").isEqualTo(Arrays.copyOf(bytes, 1200));
        }
        try (Stream<BlobStore.Part> parts = store.parts("tus/upload-1/")) {
            assertThat(parts.map(BlobStore.Part::name).toList()).containsExactly("tus/upload-1/0-lease");
        }
        assertThat(store.usage().blobs()).as("parts are no blobs").isEqualTo(blobs);

        assertThat(store.deletePart("tus/upload-1/0-lease")).isTrue();
        assertThat(store.deletePart("tus/upload-1/0-lease")).isFalse();
        assertThat(store.partSize("tus/upload-1/0-lease")).isEmpty();
        assertThatThrownBy(() -> store.readPart("tus/upload-1/0-lease", 10)).isInstanceOf(NoSuchFileException.class);
        assertThatThrownBy(() -> store.createPart("../escape")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.createPart("tus/UPPER")).isInstanceOf(IllegalArgumentException.class);
    }

    protected Path staged(byte[] bytes) throws IOException {
        return Files.write(store.createStaging("test").resolve("file.bin"), bytes);
    }

    protected byte[] read(String sha256, long offset, long length) throws IOException {
        try (InputStream in = store.read(sha256, offset, length)) {
            return in.readAllBytes();
        }
    }

    private List<String> storedBefore(Instant cutoff) throws IOException {
        try (Stream<String> blobs = store.storedBefore(cutoff)) {
            return blobs.toList();
        }
    }

    protected static List<Path> filesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).filter(file -> !file.getFileName().toString().equals(".lock"))
                    .toList();
        }
    }

    protected static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    protected static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
