package dev.encore.platform;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Where media bytes live: content-addressed by SHA-256, so identical bytes are stored once and a
 * stored name never comes from a user. Work happens in staging directories on this node's disk
 * first; {@link #store} commits a finished file, and no reader ever sees part of a blob. Local
 * disk ({@code encore.storage.type=local}) or an S3-compatible bucket ({@code s3}); callers never
 * assume either: a tool that needs a file asks for {@link #localFile}, a reader {@link #read}s.
 *
 * <p>Every method taking a content address refuses one that is not 64 lower-case hex digits
 * ({@link IllegalArgumentException}). An {@link IOException} other than {@link NoSuchFileException}
 * means the store could not answer (unreachable, timed out): never that the blob is absent.
 */
public interface BlobStore {

    /**
     * A new, empty staging directory on this node for one attempt of a job or request. Whatever
     * is left of it when the node starts again is deleted.
     *
     * @param purpose what it is for, {@code [a-z0-9-]{1,32}}; names the directory
     */
    Path createStaging(String purpose) throws IOException;

    /**
     * Like {@link #createStaging(String)}, for one attempt of {@code job}: what an earlier attempt
     * of the same job left on this node (killed before it could clean up) is deleted first.
     */
    Path createStaging(String purpose, UUID job) throws IOException;

    /**
     * A staging directory for work that outlives a restart of this node (a resumable upload): kept
     * until its owner deletes it or it stays untouched longer than the staging sweep's age.
     */
    Path createResumableStaging(String purpose) throws IOException;

    /**
     * Commits a finished file from a staging directory (or drops it when the same bytes are
     * already stored, which counts as storing them again for {@link Metadata#lastStored}). The
     * staged file is gone afterwards.
     *
     * @return its content address and size
     * @throws IllegalArgumentException when the file is not in a staging directory of this store
     */
    StoredBlob store(Path stagedFile) throws IOException;

    /** Size and last store time of a blob; empty when it is not stored. */
    Optional<Metadata> metadata(String sha256) throws IOException;

    /**
     * Streams {@code length} bytes of a blob from {@code offset} (fewer when it ends first), never
     * holding the blob in memory. The caller closes the stream.
     *
     * @throws NoSuchFileException when the blob is not stored
     */
    InputStream read(String sha256, long offset, long length) throws IOException;

    /**
     * The blob as a file on this node's disk, for a tool that needs one (ffmpeg): the stored file
     * itself where blobs are local files, otherwise a temporary copy, verified against its
     * address. Closing it releases the copy; the file must not be changed.
     *
     * @throws NoSuchFileException when the blob is not stored
     */
    LocalFile localFile(String sha256) throws IOException;

    /**
     * The stored file itself where this store keeps blobs as files on this node's file system, so
     * it can be handed to the connector's zero-copy sendfile; empty for a remote store, or when
     * the blob is not stored.
     */
    Optional<Path> directFile(String sha256);

    /** Deletes a stored blob; false when it was not there. */
    boolean delete(String sha256) throws IOException;

    /**
     * Content addresses of every blob last stored before {@code cutoff}, for the orphan sweep; a
     * store that cannot tell exactly (a bucket, whose listing shows the service's clock) lists more,
     * so callers check {@link #metadata} before they act. The caller closes the stream.
     */
    Stream<String> storedBefore(Instant cutoff) throws IOException;

    /**
     * How many blobs the store holds and their bytes, for the admin status page: it lists every
     * blob, so callers ask rarely.
     */
    Usage usage() throws IOException;

    /**
     * Deletes this node's staging directories untouched for longer than {@code age} (left by dead
     * attempts), and what the store itself keeps of abandoned uploads; returns how many.
     */
    int sweepStaging(Duration age) throws IOException;

    /**
     * A new part: named scratch bytes that every node sees, like the store's blobs (a directory
     * beside them, or objects in the bucket), for work that outlives one request and may go on
     * through another node (a resumable upload's chunks). The bytes are written to
     * {@link PartFile#path()} on this node's disk and become the part with {@link PartFile#publish()};
     * where parts are local files, the path is the part itself, so what was written is there even
     * when the node dies before it publishes. Writing again under a name replaces the part.
     *
     * @param name {@code [a-z0-9-]} segments separated by {@code /}, at most 200 characters
     */
    PartFile createPart(String name) throws IOException;

    /** The size of a part; empty when there is none under that name. */
    Optional<Long> partSize(String name) throws IOException;

    /**
     * Streams the first {@code length} bytes of a part (fewer when it ends first). The caller closes it.
     *
     * @throws NoSuchFileException when there is no such part
     */
    InputStream readPart(String name, long length) throws IOException;

    /** Deletes a part; false when it was not there. */
    boolean deletePart(String name) throws IOException;

    /**
     * The parts whose names start with {@code prefix}, for a sweep of parts nobody needs any more.
     * The caller closes the stream.
     */
    Stream<Part> parts(String prefix) throws IOException;

    /**
     * Whether every node of the cluster sees the same blobs (a bucket, a declared shared
     * directory, or a single node): only then may a missing blob be taken as lost.
     */
    boolean shared();

    /**
     * A stored blob.
     *
     * @param sha256 content address, 64 lower-case hex digits
     * @param size   bytes
     */
    record StoredBlob(String sha256, long size) {
    }

    /**
     * What the store knows of a blob.
     *
     * @param size       bytes
     * @param lastStored when it was last stored (storing the same bytes again counts)
     */
    record Metadata(long size, Instant lastStored) {
    }

    /**
     * What the store holds.
     *
     * @param blobs how many blobs
     * @param bytes their bytes (each stored once, however many files share it)
     */
    record Usage(long blobs, long bytes) {
    }

    /**
     * A part the store holds.
     *
     * @param name         its name
     * @param size         bytes
     * @param lastModified when it was last written (a bucket's listing shows the service's clock)
     */
    record Part(String name, long size, Instant lastModified) {
    }

    /**
     * A part being written: {@link #path()} on this node's disk, made the part by {@link #publish()}.
     * Closing it drops what was not published (a copy in this node's staging area); where the path is
     * the part itself, closing leaves it.
     */
    interface PartFile extends Closeable {

        /** The file to write the part's bytes to. */
        Path path();

        /** Makes what {@link #path()} holds the part, whole or not at all. */
        void publish() throws IOException;
    }

    /** A blob as a local file, held until closed. */
    final class LocalFile implements Closeable {

        private final Path path;
        private final Closeable release;

        /**
         * @param path    the file
         * @param release what closing does (deleting a temporary copy; nothing for the stored file)
         */
        public LocalFile(Path path, Closeable release) {
            this.path = path;
            this.release = release;
        }

        /** The file; valid until {@link #close}. */
        public Path path() {
            return path;
        }

        @Override
        public void close() throws IOException {
            release.close();
        }
    }
}
