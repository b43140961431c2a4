package dev.encore.platform.storage;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's scratch space, {@code <data-dir>/staging}: one directory per attempt of a job or
 * request ({@code <purpose>-<id>}), under {@code resumable/} the directories of work that
 * outlives a restart (resumable uploads), and {@code multipart/}, where Tomcat spools the parts of
 * multipart uploads as they arrive ({@code spring.servlet.multipart.location}). It is never shared with other nodes, whatever the blob
 * store: a node only ever cleans its own. While a process runs it holds a lock on the area, so a
 * second process started on the same data directory cannot clear the first one's live work.
 */
public final class StagingArea implements Closeable {

    private static final Logger log = LoggerFactory.getLogger(StagingArea.class);

    private static final Pattern PURPOSE = Pattern.compile("[a-z0-9-]{1,32}");
    static final String RESUMABLE = "resumable";
    /** Tomcat's spool: {@code spring.servlet.multipart.location} in application.yaml names it. */
    static final String MULTIPART = "multipart";
    private static final String LOCK = ".lock";

    private final Path root;
    private final Path resumable;
    private final Path multipart;
    private final Clock clock;
    private final FileChannel lockFile;
    private final FileLock lock;

    public StagingArea(Path root, Clock clock) throws IOException {
        this.root = Files.createDirectories(root).toRealPath();
        this.resumable = Files.createDirectories(this.root.resolve(RESUMABLE));
        // before the web server takes its first request: Tomcat refuses every multipart body while
        // its location is missing
        this.multipart = Files.createDirectories(this.root.resolve(MULTIPART));
        this.clock = clock;
        this.lockFile = FileChannel.open(this.root.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        this.lock = tryLock(lockFile);
    }

    /** How much scratch is on this node now. */
    public record Usage(int directories, long bytes) {
    }

    Path root() {
        return root;
    }

    /** A new, empty directory for one attempt. */
    Path create(String purpose) throws IOException {
        return Files.createDirectory(LocalBlobStore.inside(root, checked(purpose) + "-" + UUID.randomUUID()));
    }

    /** A new, empty directory for {@code job}; what an earlier attempt of it left is deleted first. */
    Path create(String purpose, UUID job) throws IOException {
        Path dir = LocalBlobStore.inside(root, checked(purpose) + "-" + job);
        deleteTree(dir);
        return Files.createDirectory(dir);
    }

    /** A new, empty directory that survives restarts. */
    Path createResumable(String purpose) throws IOException {
        return Files.createDirectory(LocalBlobStore.inside(resumable, checked(purpose) + "-" + UUID.randomUUID()));
    }

    /** Whether {@code file} (a real path) lies in a staging directory (Tomcat's spool is not one of ours). */
    boolean contains(Path file) {
        Path parent = file.getParent();
        return file.startsWith(root) && !parent.equals(root) && !parent.equals(resumable) && !parent.equals(multipart);
    }

    /**
     * Deletes every attempt directory (not the resumable ones) and every part Tomcat spooled (it
     * deletes its parts when their request ends, so one here belongs to a request the previous
     * process died in): run once when the node starts, before any attempt or request of this
     * process. Tools a killed predecessor left running in the directories are stopped first, so
     * none writes on into them. Returns how many directories and parts it deleted; skipped
     * (returns -1) when another live process holds the area.
     */
    int clearAttempts() throws IOException {
        if (lock == null) {
            return -1;
        }
        int stopped = LeftoverProcesses.stop(root);
        if (stopped > 0) {
            log.warn("Stopped {} tool processes (ffmpeg, yt-dlp) that the previous run of this node left running "
                    + "in {}", stopped, root);
        }
        int cleared = 0;
        for (Path leftover : Stream.concat(attemptDirectories().stream(), entries(multipart).stream()).toList()) {
            deleteTree(leftover);
            cleared++;
        }
        return cleared;
    }

    /**
     * Deletes directories (attempts and resumable) untouched for longer than {@code age}; returns how
     * many. Tomcat's spool is left alone: a part there is a live request's (a slow upload's may be
     * old), and Tomcat deletes it when the request ends.
     */
    int sweep(Duration age) throws IOException {
        Instant cutoff = clock.instant().minus(age);
        int swept = 0;
        for (Path dir : Stream.concat(attemptDirectories().stream(), directories(resumable).stream()).toList()) {
            try {
                if (Files.getLastModifiedTime(dir).toInstant().isBefore(cutoff)) {
                    deleteTree(dir);
                    swept++;
                }
            }
            catch (NoSuchFileException gone) {
                // its owner deleted it meanwhile
            }
        }
        return swept;
    }

    /** Directories and bytes in the area now; the parts Tomcat spools count as bytes. */
    public Usage usage() throws IOException {
        long bytes = size(multipart);
        int directories = 0;
        for (Path dir : Stream.concat(attemptDirectories().stream(), directories(resumable).stream()).toList()) {
            directories++;
            bytes += size(dir);
        }
        return new Usage(directories, bytes);
    }

    @Override
    public void close() throws IOException {
        if (lock != null) {
            lock.release();
        }
        lockFile.close();
    }

    private java.util.List<Path> attemptDirectories() throws IOException {
        return directories(root).stream().filter(dir -> !dir.equals(resumable) && !dir.equals(multipart)).toList();
    }

    private static java.util.List<Path> directories(Path parent) throws IOException {
        return list(parent, Files::isDirectory);
    }

    private static java.util.List<Path> entries(Path parent) throws IOException {
        return list(parent, path -> true);
    }

    private static java.util.List<Path> list(Path parent, DirectoryStream.Filter<Path> filter) throws IOException {
        try (DirectoryStream<Path> found = Files.newDirectoryStream(parent, filter)) {
            java.util.List<Path> list = new java.util.ArrayList<>();
            found.forEach(list::add);
            return list;
        }
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.mapToLong(file -> {
                try {
                    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                    return attributes.isRegularFile() ? attributes.size() : 0;
                }
                catch (IOException gone) {
                    return 0; // deleted while counting
                }
            }).sum();
        }
        catch (java.io.UncheckedIOException | NoSuchFileException gone) {
            return 0;
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
        catch (NoSuchFileException gone) {
            // deleted meanwhile
        }
    }

    private static String checked(String purpose) {
        if (purpose == null || !PURPOSE.matcher(purpose).matches()) {
            throw new IllegalArgumentException("staging purpose must match " + PURPOSE);
        }
        return purpose;
    }

    /** The area's lock, or null when another process (or another application in this JVM) holds it. */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        }
        catch (OverlappingFileLockException heldInThisJvm) {
            return null;
        }
    }
}
