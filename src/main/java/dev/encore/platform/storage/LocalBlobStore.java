package dev.encore.platform.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.encore.platform.BlobStore;

/**
 * Blobs on local disk under {@code <data-dir>/blobs}: {@code ab/cd/abcd…} by SHA-256, staging
 * under {@code <data-dir>/blobs/.staging}. Every path it hands out is checked to stay inside its
 * root.
 */
public class LocalBlobStore implements BlobStore {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern PURPOSE = Pattern.compile("[a-z0-9-]{1,32}");

    private final Path root;
    private final Path staging;
    private final Clock clock;

    public LocalBlobStore(Path root, Clock clock) throws IOException {
        this.root = Files.createDirectories(root).toRealPath();
        this.staging = Files.createDirectories(this.root.resolve(".staging"));
        this.clock = clock;
    }

    @Override
    public Path createStaging(String purpose) throws IOException {
        if (!PURPOSE.matcher(purpose).matches()) {
            throw new IllegalArgumentException("staging purpose must match " + PURPOSE);
        }
        return Files.createDirectory(inside(staging, purpose + "-" + UUID.randomUUID()));
    }

    @Override
    public StoredBlob store(Path stagedFile) throws IOException {
        Path file = stagedFile.toRealPath();
        if (!file.startsWith(staging)) {
            throw new IllegalArgumentException("only staged files can be stored");
        }
        String sha256 = hash(file);
        long size = Files.size(file);
        Path target = location(sha256);
        Files.createDirectories(target.getParent());
        if (Files.exists(target)) {
            Files.delete(file); // the same bytes are already stored
            // a fresh store protects the blob from a collector that just found it unreferenced
            Files.setLastModifiedTime(target, java.nio.file.attribute.FileTime.from(clock.instant()));
        }
        else {
            // an atomic rename: readers see no file or the whole file; a racing twin writes the same bytes
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        }
        return new StoredBlob(sha256, size);
    }

    @Override
    public Optional<Path> find(String sha256) {
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            return Optional.empty();
        }
        Path path = location(sha256);
        return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
    }

    @Override
    public boolean delete(String sha256) throws IOException {
        Optional<Path> path = find(sha256);
        return path.isPresent() && Files.deleteIfExists(path.get());
    }

    @Override
    public Stream<String> storedBefore(Instant cutoff) throws IOException {
        Stream<Path> files = Files.find(root, 3, (path, attributes) -> attributes.isRegularFile()
                && !path.startsWith(staging) && SHA256.matcher(path.getFileName().toString()).matches()
                && attributes.lastModifiedTime().toInstant().isBefore(cutoff));
        return files.map(path -> path.getFileName().toString());
    }

    @Override
    public Optional<Instant> lastStored(String sha256) throws IOException {
        Optional<Path> path = find(sha256);
        return path.isPresent() ? Optional.of(Files.getLastModifiedTime(path.get()).toInstant()) : Optional.empty();
    }

    @Override
    public int sweepStaging(Duration age) throws IOException {
        Instant cutoff = clock.instant().minus(age);
        int swept = 0;
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(staging)) {
            for (Path dir : dirs) {
                if (Files.getLastModifiedTime(dir).toInstant().isBefore(cutoff)) {
                    deleteTree(dir);
                    swept++;
                }
            }
        }
        return swept;
    }

    private Path location(String sha256) {
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

    private static String hash(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
