package dev.encore.library.upload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;
import org.springframework.web.ErrorResponseException;

import dev.encore.platform.BlobStore;
import dev.encore.platform.DiskReserve;
import dev.encore.platform.Problems;
import dev.encore.platform.StorageFull;

/**
 * The bytes of resumable uploads, in a staging directory each: a request body is streamed onto the
 * end of the file (never held in memory) and cut off as soon as it would pass the upload's length.
 */
@Component
class TusStaging {

    private static final int BUFFER = 64 * 1024;

    private final BlobStore blobs;
    private final DiskReserve disk;
    private final Clock clock;

    TusStaging(BlobStore blobs, DiskReserve disk, Clock clock) {
        this.blobs = blobs;
        this.disk = disk;
        this.clock = clock;
    }

    /**
     * A new staging directory holding an empty data file, for an upload of {@code length} bytes.
     *
     * @throws ErrorResponseException 507 when the disk has not that much room above its reserve
     */
    Path create(long length) throws IOException {
        disk.require(length);
        Path dir = blobs.createResumableStaging("tus"); // a resumable upload outlives a restart
        Files.createFile(dir.resolve("data"));
        return dir;
    }

    /** Whether the upload's bytes are still there (the staging sweep takes long-idle directories). */
    boolean present(TusUpload upload) {
        return Files.isRegularFile(upload.data());
    }

    /** How many bytes are staged for the upload (0 when its file is gone). */
    long size(TusUpload upload) throws IOException {
        try {
            return Files.size(upload.data());
        }
        catch (NoSuchFileException gone) {
            return 0;
        }
    }

    /**
     * Appends {@code body} at the upload's offset; returns how many bytes arrived before the body
     * ended or the client went away (those are kept: the client resumes from there).
     *
     * @throws ErrorResponseException 413 when the body holds more than the upload's remaining length, 507 when
     *                                the disk has no more room above its reserve: nothing of this body is kept
     * @throws IOException            when it could not be written (a full disk all the same): nothing of it is kept
     */
    long append(TusUpload upload, InputStream body) throws IOException {
        try (FileChannel file = FileChannel.open(upload.data(), StandardOpenOption.WRITE)) {
            file.truncate(upload.offset()); // nothing, unless the file was written behind the upload's back
            file.position(upload.offset());
            byte[] buffer = new byte[BUFFER];
            long written = 0;
            long room = disk.writable(); // asked again when used up: others write to the same disk
            for (int read; (read = read(body, buffer)) > 0;) {
                if (written + read > upload.remaining()) {
                    file.truncate(upload.offset());
                    throw tooLong();
                }
                if (written + read > room) {
                    room = written + disk.writable(); // what this body wrote is no longer free
                    if (written + read > room) {
                        throw noRoom(file, upload, body, buffer, written, StorageFull.problem());
                    }
                }
                ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, read);
                try {
                    while (bytes.hasRemaining()) {
                        file.write(bytes);
                    }
                }
                catch (IOException writeFailed) { // the disk filled up all the same
                    throw noRoom(file, upload, body, buffer, written, writeFailed);
                }
                written += read;
            }
            // the staging sweep goes by the directory's time: an upload in progress is not stale
            Files.setLastModifiedTime(upload.stagingDir(), FileTime.from(clock.instant()));
            return written;
        }
    }

    /**
     * Gives the room this body took back at once (none of it is kept: the offset stays), and reads the
     * rest of it (at most the upload's length): a connection closed on a client still sending would
     * lose the answer that tells it why.
     */
    private static <E extends Exception> E noRoom(FileChannel file, TusUpload upload, InputStream body, byte[] buffer,
            long written, E why) throws IOException {
        file.truncate(upload.offset());
        for (long left = upload.remaining() - written; left > 0 && read(body, buffer) > 0;) {
            left -= buffer.length;
        }
        return why;
    }

    /**
     * Refuses a body that holds any byte, for an upload that has all of its length (its staging may
     * be gone): tusd likewise answers 413 for bytes beyond Upload-Length.
     *
     * @throws ErrorResponseException 413 when the body is not empty
     */
    static void requireEmpty(InputStream body) {
        if (read(body, new byte[1]) > 0) {
            throw tooLong();
        }
    }

    void delete(TusUpload upload) {
        try {
            FileSystemUtils.deleteRecursively(upload.stagingDir());
        }
        catch (IOException ex) {
            // the staging sweep takes what is left
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
