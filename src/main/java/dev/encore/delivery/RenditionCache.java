package dev.encore.delivery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Transcoded renditions on local disk, bounded in size and evicted least recently used first. A
 * file's modification time is its last use: reading a rendition touches it. A rendition being
 * streamed while it is evicted stays readable (an open file outlives its name).
 */
class RenditionCache {

    private static final Logger log = LoggerFactory.getLogger(RenditionCache.class);

    private final Path directory;
    private final long maxBytes;
    private final Clock clock;

    RenditionCache(Path directory, long maxBytes, Clock clock) {
        this.directory = directory;
        this.maxBytes = maxBytes;
        this.clock = clock;
    }

    /** The cached rendition, marked as just used. */
    Optional<Path> find(String name) {
        Path file = directory.resolve(name);
        try {
            Files.setLastModifiedTime(file, FileTime.from(clock.instant()));
            return Optional.of(file);
        }
        catch (IOException missing) {
            return Optional.empty();
        }
    }

    /** A private place to write a new rendition before {@link #admit} moves it in. */
    Path scratch(String name) throws IOException {
        Files.createDirectories(directory.resolve(".work"));
        return Files.createTempFile(directory.resolve(".work"), name, ".part");
    }

    /** Moves a finished rendition in (atomically: readers never see half a file) and evicts. */
    Path admit(Path finished, String name) throws IOException {
        Path file = directory.resolve(name);
        Files.move(finished, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        Files.setLastModifiedTime(file, FileTime.from(clock.instant()));
        evict(file);
        return file;
    }

    /** Deletes the least recently used renditions until the cache fits, never {@code keep}. */
    void evict(Path keep) throws IOException {
        List<Path> files;
        try (Stream<Path> listed = Files.list(directory)) {
            files = new ArrayList<>(listed.filter(Files::isRegularFile).toList());
        }
        long total = 0;
        for (Path file : files) {
            total += sizeOf(file);
        }
        if (total <= maxBytes) {
            return;
        }
        files.sort(Comparator.comparing(RenditionCache::lastUsed));
        for (Path file : files) {
            if (total <= maxBytes) {
                break;
            }
            if (!file.equals(keep)) {
                long size = sizeOf(file);
                if (Files.deleteIfExists(file)) {
                    total -= size;
                    log.debug("evicted rendition {} ({} bytes)", file.getFileName(), size);
                }
            }
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        }
        catch (IOException gone) {
            return 0;
        }
    }

    private static FileTime lastUsed(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        }
        catch (IOException gone) {
            return FileTime.fromMillis(0); // deleted meanwhile: first to go
        }
    }
}
