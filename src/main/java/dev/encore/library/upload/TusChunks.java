package dev.encore.library.upload;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;
import org.springframework.web.ErrorResponseException;

import dev.encore.platform.BlobStore;
import dev.encore.platform.DiskReserve;
import dev.encore.platform.Problems;
import dev.encore.platform.StorageFull;

/**
 * The bytes of resumable uploads, as chunks in the shared blob store ({@link BlobStore#createPart}
 * parts {@code tus/<upload>/<offset>-<lease>}): each request body becomes one chunk, streamed to
 * disk as it arrives (never held in memory) and cut off as soon as it would pass the upload's
 * length; the last byte concatenates the chunks, streamed, into one file for the upload pipeline.
 */
@Component
class TusChunks {

    private static final Logger log = LoggerFactory.getLogger(TusChunks.class);
    private static final int BUFFER = 64 * 1024;
    static final String PREFIX = "tus/";

    private final BlobStore blobs;
    private final DiskReserve disk;

    TusChunks(BlobStore blobs, DiskReserve disk) {
        this.blobs = blobs;
        this.disk = disk;
    }

    /** The part a request holding {@code lease} writes the bytes from {@code offset} of {@code upload} to. */
    static String name(UUID upload, long offset, UUID lease) {
        return PREFIX + upload + "/" + offset + "-" + lease;
    }

    /** The upload a part belongs to; empty for a name that is not one of {@link #name}'s. */
    static Optional<UUID> uploadOf(String part) {
        String[] segments = part.split("/");
        try {
            return segments.length == 3 ? Optional.of(UUID.fromString(segments[1])) : Optional.empty();
        }
        catch (IllegalArgumentException notOurs) {
            return Optional.empty();
        }
    }

    /**
     * Writes {@code body} to {@code part}; returns how many bytes arrived before the body ended or the
     * client went away (those are kept: the client resumes from there).
     *
     * @throws ErrorResponseException 413 when the body holds more than the upload's remaining length, 507 when
     *                                the disk has no more room above its reserve: nothing of this body is kept
     * @throws IOException            when it could not be written or stored: nothing of it is kept
     */
    long write(TusUpload upload, String part, InputStream body) throws IOException {
        try (BlobStore.PartFile file = blobs.createPart(part)) {
            long written = append(file.path(), upload.remaining(), body);
            if (written > 0) {
                file.publish();
            }
            return written;
        }
        catch (IOException | RuntimeException refused) {
            deleteQuietly(List.of(part));
            throw refused;
        }
    }

    private long append(Path path, long remaining, InputStream body) throws IOException {
        try (FileChannel file = FileChannel.open(path, StandardOpenOption.WRITE)) {
            byte[] buffer = new byte[BUFFER];
            long written = 0;
            long room = disk.writable(); // asked again when used up: others write to the same disk
            for (int read; (read = read(body, buffer)) > 0;) {
                if (written + read > remaining) {
                    throw tooLong();
                }
                if (written + read > room) {
                    room = written + disk.writable(); // what this body wrote is no longer free
                    if (written + read > room) {
                        throw noRoom(body, buffer, remaining - written, StorageFull.problem());
                    }
                }
                ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, read);
                try {
                    while (bytes.hasRemaining()) {
                        file.write(bytes);
                    }
                }
                catch (IOException writeFailed) { // the disk filled up all the same
                    throw noRoom(body, buffer, remaining - written, writeFailed);
                }
                written += read;
            }
            return written;
        }
    }

    /**
     * Reads the rest of a body refused for want of room (at most the upload's remaining length): a
     * connection closed on a client still sending would lose the answer that tells it why.
     */
    private static <E extends Exception> E noRoom(InputStream body, byte[] buffer, long left, E why) {
        for (long rest = left; rest > 0 && read(body, buffer) > 0;) {
            rest -= buffer.length;
        }
        return why;
    }

    /** How many bytes a part holds (empty when it is not there). */
    Optional<Long> size(String part) throws IOException {
        return blobs.partSize(part);
    }

    /**
     * Refuses an upload of {@code length} bytes that this node's disk could not assemble now.
     *
     * @throws ErrorResponseException 507 when the disk has not that much room above its reserve
     */
    void requireRoom(long length) {
        disk.require(length);
    }

    /**
     * The chunks, in order, as one file in a new staging directory of this node, which the caller
     * deletes.
     *
     * @throws NoSuchFileException when a chunk is missing or shorter than recorded (the upload is lost)
     */
    Path assemble(List<TusLeases.Chunk> chunks) throws IOException {
        disk.require(chunks.stream().mapToLong(TusLeases.Chunk::size).sum());
        Path data = blobs.createStaging("tus").resolve("data");
        try (OutputStream out = Files.newOutputStream(data)) {
            for (TusLeases.Chunk chunk : chunks) {
                try (InputStream in = blobs.readPart(chunk.part(), chunk.size())) {
                    if (in.transferTo(out) != chunk.size()) {
                        throw new NoSuchFileException(chunk.part());
                    }
                }
            }
            return data;
        }
        catch (IOException | RuntimeException failed) {
            FileSystemUtils.deleteRecursively(data.getParent());
            throw failed;
        }
    }

    /** Parts last written before {@code cutoff}, by the upload they belong to: candidates for the orphan sweep. */
    Map<UUID, List<String>> writtenBefore(Instant cutoff) throws IOException {
        try (Stream<BlobStore.Part> parts = blobs.parts(PREFIX)) {
            return parts.filter(part -> part.lastModified().isBefore(cutoff) && uploadOf(part.name()).isPresent())
                    .collect(Collectors.groupingBy(part -> uploadOf(part.name()).orElseThrow(),
                            Collectors.mapping(BlobStore.Part::name, Collectors.toList())));
        }
    }

    /** Deletes parts; what cannot be deleted now the orphan sweep takes later. */
    void deleteQuietly(Collection<String> parts) {
        for (String part : parts) {
            try {
                blobs.deletePart(part);
            }
            catch (IOException ex) {
                log.debug("Cannot delete part {} now; the orphan sweep takes it: {}", part, ex.getMessage());
            }
        }
    }

    /**
     * Refuses a body that holds any byte, for an upload that has all of its length: tusd likewise
     * answers 413 for bytes beyond Upload-Length.
     *
     * @throws ErrorResponseException 413 when the body is not empty
     */
    static void requireEmpty(InputStream body) {
        if (read(body, new byte[1]) > 0) {
            throw tooLong();
        }
    }

    static ErrorResponseException tooLong() {
        return new ErrorResponseException(HttpStatus.CONTENT_TOO_LARGE, Problems.of(HttpStatus.CONTENT_TOO_LARGE,
                "payload-too-large", "Beyond the upload's length",
                "The request holds more bytes than the upload's remaining length; nothing of it was kept."), null);
    }

    /** A read of the client's body; a client that went away ends it like the end of the body. */
    private static int read(InputStream body, byte[] buffer) {
        try {
            return body.read(buffer);
        }
        catch (IOException clientGone) {
            return -1;
        }
    }
}
