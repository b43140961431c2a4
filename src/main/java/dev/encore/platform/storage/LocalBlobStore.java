package dev.encore.platform.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;


/**
 * Blobs as files under a directory ({@code encore.storage.local.path}, default
 * {@code <data-dir>/blobs}): {@code ab/cd/abcd…} by SHA-256. A staged file is renamed into place
 * atomically, so readers see no file or the whole file; when staging lies on another file system
 * (a shared mount), it is copied into {@code .incoming/} beside the blobs first and renamed from
 * there. Every path it hands out is checked to stay inside its root.
 */
public class LocalBlobStore extends StagedBlobStore {

    private static final String INCOMING = ".incoming";
    /** Parts ({@link #createPart}): named scratch beside the blobs, seen by every node that sees them. */
    private static final String PARTS = ".parts";
    /** Where staging lived before it moved to the node's data directory; swept by age only. */
    private static final String LEGACY_STAGING = ".staging";

    private final Path root;
    private final Path incoming;
    private final Path parts;
    private final boolean shared;
    private final Clock clock;

    /**
     * @param root    the directory of blobs, created if needed
     * @param staging this node's staging area
     * @param shared  whether every node of the cluster sees this directory
     */
    public LocalBlobStore(Path root, StagingArea staging, boolean shared, Clock clock) throws IOException {
        super(staging);
        this.root = Files.createDirectories(root).toRealPath();
        this.incoming = Files.createDirectories(this.root.resolve(INCOMING));
        this.parts = Files.createDirectories(this.root.resolve(PARTS));
        this.shared = shared;
        this.clock = clock;
    }

    @Override
    protected void commit(Path file, StoredBlob blob) throws IOException {
        Path target = location(blob.sha256());
        Files.createDirectories(target.getParent());
        if (Files.exists(target)) {
            try {
                // the same bytes are already stored: a fresh store time protects the blob from a
                // collector that just found it unreferenced
                Files.setLastModifiedTime(target, FileTime.from(clock.instant()));
                Files.delete(file);
                return;
            }
            catch (NoSuchFileException collectedMeanwhile) {
                // store it after all
            }
        }
        moveInto(file, target, blob.sha256());
    }

    /** An atomic rename into place; a racing twin writes the same bytes. */
    private void moveInto(Path file, Path target, String sha256) throws IOException {
        try {
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (AtomicMoveNotSupportedException otherFileSystem) {
            Path part = Files.createTempFile(incoming, sha256, ".part");
            try {
                Files.copy(file, part, StandardCopyOption.REPLACE_EXISTING);
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
            }
            finally {
                Files.deleteIfExists(part);
            }
            Files.delete(file);
        }
        Files.setLastModifiedTime(target, FileTime.from(clock.instant()));
    }

    @Override
    public Optional<Metadata> metadata(String sha256) throws IOException {
        try {
            BasicFileAttributes attributes = Files.readAttributes(location(sha256), BasicFileAttributes.class);
            return attributes.isRegularFile()
                    ? Optional.of(new Metadata(attributes.size(), attributes.lastModifiedTime().toInstant()))
                    : Optional.empty();
        }
        catch (NoSuchFileException absent) {
            return Optional.empty();
        }
    }

    @Override
    public InputStream read(String sha256, long offset, long length) throws IOException {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("offset and length must not be negative");
        }
        FileChannel channel = FileChannel.open(location(sha256));
        try {
            channel.position(offset);
            return new BoundedInputStream(Channels.newInputStream(channel), length);
        }
        catch (IOException | RuntimeException ex) {
            channel.close();
            throw ex;
        }
    }

    @Override
    public LocalFile localFile(String sha256) throws IOException {
        Path path = location(sha256);
        if (!Files.readAttributes(path, BasicFileAttributes.class).isRegularFile()) {
            throw new NoSuchFileException(sha256);
        }
        return new LocalFile(path, () -> { }); // the stored file itself: nothing to release
    }

    @Override
    public Optional<Path> directFile(String sha256) {
        Path path = location(sha256);
        return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
    }

    @Override
    public boolean delete(String sha256) throws IOException {
        return Files.deleteIfExists(location(sha256));
    }

    @Override
    public Stream<String> storedBefore(Instant cutoff) throws IOException {
        return Files.find(root, 3, (path, attributes) -> attributes.isRegularFile()
                && ContentAddress.isValid(path.getFileName().toString())
                && attributes.lastModifiedTime().toInstant().isBefore(cutoff))
                .map(path -> path.getFileName().toString());
    }

    @Override
    public Usage usage() throws IOException {
        long[] total = new long[2];
        try (Stream<Path> blobs = Files.find(root, 3, (path, attributes) -> attributes.isRegularFile()
                && ContentAddress.isValid(path.getFileName().toString()))) {
            blobs.forEach(path -> {
                try {
                    total[1] += Files.size(path);
                    total[0]++;
                }
                catch (IOException goneMeanwhile) {
                    // deleted while listed: not stored any more
                }
            });
        }
        return new Usage(total[0], total[1]);
    }

    @Override
    public int sweepStaging(Duration age) throws IOException {
        Instant cutoff = clock.instant().minus(age);
        int swept = staging.sweep(age);
        // copies of nodes that died mid-copy (other nodes' copies in progress are younger)
        try (DirectoryStream<Path> parts = Files.newDirectoryStream(incoming)) {
            for (Path part : parts) {
                if (Files.getLastModifiedTime(part).toInstant().isBefore(cutoff) && Files.deleteIfExists(part)) {
                    swept++;
                }
            }
        }
        Path legacy = root.resolve(LEGACY_STAGING);
        if (Files.isDirectory(legacy)) {
            try (DirectoryStream<Path> dirs = Files.newDirectoryStream(legacy)) {
                for (Path dir : dirs) {
                    if (Files.getLastModifiedTime(dir).toInstant().isBefore(cutoff)) {
                        StagingArea.deleteTree(dir);
                        swept++;
                    }
                }
            }
        }
        return swept;
    }

    @Override
    public PartFile createPart(String name) throws IOException {
        Path file = part(name);
        Files.deleteIfExists(file);
        try {
            Files.createFile(Files.createDirectories(file.getParent()).resolve(file.getFileName()));
        }
        catch (NoSuchFileException emptiedMeanwhile) { // a sweep took the empty directory just now
            Files.createFile(Files.createDirectories(file.getParent()).resolve(file.getFileName()));
        }
        return new PartFile() {
            @Override
            public Path path() {
                return file; // written in place: what arrived is the part, even if the node dies now
            }

            @Override
            public void publish() {
                // nothing to do: the file is the part
            }

            @Override
            public void close() {
                // the part stays
            }
        };
    }

    @Override
    public Optional<Long> partSize(String name) throws IOException {
        try {
            return Optional.of(Files.size(part(name)));
        }
        catch (NoSuchFileException absent) {
            return Optional.empty();
        }
    }

    @Override
    public InputStream readPart(String name, long length) throws IOException {
        if (length < 0) {
            throw new IllegalArgumentException("length must not be negative");
        }
        return new BoundedInputStream(Files.newInputStream(part(name)), length);
    }

    @Override
    public boolean deletePart(String name) throws IOException {
        Path file = part(name);
        boolean deleted = Files.deleteIfExists(file);
        // empty directories of the name go with their last part (another node may be filling one again)
        for (Path dir = file.getParent(); !dir.equals(parts); dir = dir.getParent()) {
            try {
                Files.deleteIfExists(dir);
            }
            catch (java.nio.file.DirectoryNotEmptyException | NoSuchFileException inUse) {
                break;
            }
        }
        return deleted;
    }

    @Override
    public Stream<Part> parts(String prefix) throws IOException {
        String start = PartNames.checkedPrefix(prefix);
        return Files.walk(parts).filter(Files::isRegularFile).map(file -> {
            String name = parts.relativize(file).toString().replace(java.io.File.separatorChar, '/');
            try {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                return new Part(name, attributes.size(), attributes.lastModifiedTime().toInstant());
            }
            catch (IOException goneMeanwhile) {
                return null;
            }
        }).filter(part -> part != null && part.name().startsWith(start));
    }

    @Override
    public boolean shared() {
        return shared;
    }

    private Path part(String name) {
        return inside(parts, PartNames.checked(name));
    }

    private Path location(String sha256) {
        ContentAddress.checked(sha256);
        return inside(root, sha256.substring(0, 2) + "/" + sha256.substring(2, 4) + "/" + sha256);
    }

    /** Resolves {@code relative} under {@code base} and refuses anything that would leave it. */
    static Path inside(Path base, String relative) {
        Path resolved = base.resolve(relative).normalize();
        if (!resolved.startsWith(base) || resolved.equals(base)) {
            throw new IllegalArgumentException("path escapes its root");
        }
        return resolved;
    }
}
