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

    /** How long after its last use a rendition is safe from eviction. */
    static final java.time.Duration IN_USE = java.time.Duration.ofMinutes(1);

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

    /**
     * Deletes the least recently used renditions until the cache fits; never {@code keep}, nor one
     * used within {@link #IN_USE} (the connector may still be about to send it by name).
     */
    void evict(Path keep) throws IOException {
        record Entry(Path file, long size, FileTime lastUsed) {
        }
        List<Entry> entries = new ArrayList<>();
        try (Stream<Path> listed = Files.list(directory)) {
            // read once: sorting on times that change under the sort would break it
            listed.filter(Files::isRegularFile).forEach(file -> entries.add(new Entry(file, sizeOf(file),
                    lastUsed(file))));
        }
        long total = entries.stream().mapToLong(Entry::size).sum();
        FileTime recent = FileTime.from(clock.instant().minus(IN_USE));
        entries.sort(Comparator.comparing(Entry::lastUsed));
        for (Entry entry : entries) {
            if (total <= maxBytes) {
                break;
            }
            if (!entry.file().equals(keep) && entry.lastUsed().compareTo(recent) < 0
                    && Files.deleteIfExists(entry.file())) {
                total -= entry.size();
                log.debug("evicted rendition {} ({} bytes)", entry.file().getFileName(), entry.size());
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
