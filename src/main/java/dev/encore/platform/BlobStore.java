package dev.encore.platform;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where media bytes live: content-addressed by SHA-256, so identical bytes are stored once and a
 * stored name never comes from a user. Tools write into a job-private staging directory first;
 * {@link #store} moves a finished file in atomically. Local disk in embedded mode; an object
 * store in distributed mode.
 */
public interface BlobStore {

    /** A new, empty staging directory for one job attempt. */
    Path createStaging(String purpose) throws IOException;

    /**
     * Moves a finished staged file into the store (or drops it when the same bytes are already
     * stored).
     *
     * @return its content address and size
     */
    StoredBlob store(Path stagedFile) throws IOException;

    /** The local file of a stored blob, if it exists; {@code sha256} must be 64 lower-case hex digits. */
    Optional<Path> find(String sha256);

    /** Deletes a stored blob; false when it was not there. */
    boolean delete(String sha256) throws IOException;

    /**
     * Content addresses of blobs last stored before {@code cutoff} (storing the same bytes again
     * counts as storing), for the orphan sweep. The caller closes the stream.
     */
    Stream<String> storedBefore(Instant cutoff) throws IOException;

    /** When the blob was last stored, if it exists. */
    Optional<Instant> lastStored(String sha256) throws IOException;

    /** Deletes staging directories older than {@code age} (left by dead attempts); returns how many. */
    int sweepStaging(Duration age) throws IOException;

    /**
     * A stored blob.
     *
     * @param sha256 content address, 64 lower-case hex digits
     * @param size   bytes
     */
    record StoredBlob(String sha256, long size) {
    }
}
