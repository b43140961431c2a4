package dev.encore.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.ErrorResponseException;

import dev.encore.platform.storage.StorageProperties;

/**
 * Keeps {@code encore.storage.min-free-space} free on the data directory's disk. The embedded
 * database lives there too, and H2 closes itself when a write of its own finds the disk full, which
 * takes every request down until a restart; so the writers a user sets going (an upload, an import's
 * conversion) may use the disk only down to this reserve. What they would write beyond it is refused
 * ({@link StorageFull}) before or as it is written, not left to fail halfway.
 */
@Component
public class DiskReserve {

    private static final Logger log = LoggerFactory.getLogger(DiskReserve.class);

    private final Path dataDir;
    private final long reserve;

    @Autowired
    DiskReserve(EncoreProperties encore, StorageProperties storage) {
        this(encore.dataDir(), storage.minFreeSpace());
    }

    /** {@code reserve} kept free on the disk of {@code dir}. */
    public DiskReserve(Path dir, DataSize reserve) {
        this.dataDir = dir;
        this.reserve = reserve.toBytes();
    }

    /** Bytes that may still be written on the data directory's disk before the reserve; 0 when none. */
    public long writable() {
        try {
            return Math.max(0, Files.getFileStore(dataDir).getUsableSpace() - reserve);
        }
        catch (IOException ex) { // the disk cannot even be asked: the write itself will tell
            return Long.MAX_VALUE;
        }
    }

    /** The room a tool's output may take now ({@link OutputRoom}). */
    public OutputRoom outputRoom() {
        return new OutputRoom(writable());
    }

    /**
     * Refuses {@code bytes} more that would not fit above the reserve.
     *
     * @throws ErrorResponseException 507 {@code insufficient-storage}
     */
    public void require(long bytes) {
        long writable = writable();
        if (bytes > writable) {
            log.warn("Refused to write {} bytes: {} bytes are left above the {} bytes kept free on the data "
                    + "directory's disk (encore.storage.min-free-space); free space there", bytes, writable, reserve);
            throw StorageFull.problem();
        }
    }
}
