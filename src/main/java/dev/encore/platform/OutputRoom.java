package dev.encore.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The room one ffmpeg output may take on the data directory's disk, down to its reserve
 * ({@link DiskReserve#outputRoom}): given to ffmpeg as {@code -fs}, its output size limit, so a
 * conversion or transcode never fills the disk the database writes to. ffmpeg stops at the limit
 * without a word and exits 0, so a finished output is checked with {@link #reached}.
 *
 * @param bytes the room, or {@link Long#MAX_VALUE} when the disk could not be asked
 */
public record OutputRoom(long bytes) {

    /** Whether there is no room at all: nothing should be started. */
    public boolean none() {
        return bytes == 0;
    }

    /** {@code command} with {@code -fs} set before its last argument, when that is {@code output}. */
    public List<String> limit(List<String> command, Path output) {
        List<String> limited = new ArrayList<>(command);
        if (bytes != Long.MAX_VALUE && limited.getLast().equals(output.toString())) {
            limited.addAll(limited.size() - 1, List.of("-fs", Long.toString(bytes)));
        }
        return limited;
    }

    /** Whether {@code output} reached the limit: it was cut off there. */
    public boolean reached(Path output) {
        try {
            return bytes != Long.MAX_VALUE && Files.isRegularFile(output) && Files.size(output) >= bytes;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
