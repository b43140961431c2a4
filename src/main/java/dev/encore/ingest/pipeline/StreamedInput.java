package dev.encore.ingest.pipeline;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

import dev.encore.ingest.imports.ImportError;
import dev.encore.ingest.source.ImportFailure;
import dev.encore.platform.StorageFull;

/**
 * Media on its way into ffmpeg while it downloads (a direct link's body, yt-dlp's standard
 * output): counted against the size limit, reported as download progress when its length is
 * known, stopped by a cancel. The first failure is kept for the caller, since ffmpeg only sees its
 * input end. Before it reports its end, the {@link Ending} may still refuse it (yt-dlp failed), so
 * a stream that is not whole never ends as if it were.
 */
final class StreamedInput extends FilterInputStream {

    /** The first bytes ffprobe sees: tags and stream headers come first in MP3, FLAC, Ogg and WAV. */
    static final int HEAD_BYTES = 256 * 1024;
    /** An ID3v2 tag (with its cover) may be larger; the head grows to hold it, up to this much. */
    static final int MAX_HEAD_BYTES = 16 * 1024 * 1024;

    /** Decides, when the bytes end, whether they were all there is. */
    interface Ending {
        /** @throws IOException when the stream is not whole */
        void check() throws IOException;
    }

    private final long length;
    private final long limit;
    private final MediaPipeline.Progress progress;
    private final BooleanSupplier cancelled;
    private final Ending ending;
    private byte[] head = new byte[0];
    private long read;
    private boolean ended;
    private volatile IOException failure;

    /**
     * @param length its declared length, or a negative number when unknown (no progress is reported)
     * @param limit  the most bytes it may have ({@link TooLarge} past it)
     */
    StreamedInput(InputStream body, long length, long limit, MediaPipeline.Progress progress,
            BooleanSupplier cancelled, Ending ending) {
        super(body);
        this.length = length;
        this.limit = limit;
        this.progress = progress;
        this.cancelled = cancelled;
        this.ending = ending;
    }

    /**
     * Reads the head: {@link #HEAD_BYTES}, or a whole ID3v2 tag, or less when the stream is shorter.
     * It is kept for {@link #whole()}.
     */
    byte[] head() throws IOException {
        byte[] head = new byte[HEAD_BYTES];
        int filled = fill(head, 0);
        int wanted = id3Size(head, filled);
        if (wanted > filled && filled == head.length) {
            head = Arrays.copyOf(head, Math.min(MAX_HEAD_BYTES, wanted + 64 * 1024));
            filled = fill(head, filled);
        }
        this.head = filled == head.length ? head : Arrays.copyOf(head, filled);
        return this.head;
    }

    /** The whole media from its first byte: the {@link #head()} already read, then the rest of this stream. */
    InputStream whole() {
        return new SequenceInputStream(new ByteArrayInputStream(head), this);
    }

    private int fill(byte[] buffer, int from) throws IOException {
        int at = from;
        while (at < buffer.length) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("cancelled");
            }
            int n = read(buffer, at, buffer.length - at);
            if (n < 0) {
                break;
            }
            at += n;
        }
        return at;
    }

    /** The whole size of an ID3v2 tag at the start, or 0. */
    private static int id3Size(byte[] head, int filled) {
        if (filled < 10 || head[0] != 'I' || head[1] != 'D' || head[2] != '3') {
            return 0;
        }
        return 10 + ((head[6] & 0x7f) << 21 | (head[7] & 0x7f) << 14 | (head[8] & 0x7f) << 7 | (head[9] & 0x7f));
    }

    long bytesRead() {
        return read;
    }

    /** Why reading failed, or null. */
    IOException failure() {
        return failure;
    }

    @Override
    public int read(byte[] buffer, int offset, int count) throws IOException {
        try {
            if (cancelled.getAsBoolean()) {
                throw new IOException("cancelled");
            }
            int n = super.read(buffer, offset, count);
            if (n < 0 && !ended) {
                ending.check();
                ended = true;
                progress.converting(0); // the whole input is in ffmpeg: what is left is converting
            }
            if (n > 0) {
                read += n;
                if (read > limit) {
                    throw new TooLarge(limit);
                }
                progress.alive();
                if (length > 0) {
                    progress.downloading(Math.min(1.0, (double) read / length));
                }
            }
            return n;
        }
        catch (IOException ex) {
            if (failure == null) {
                failure = ex;
            }
            throw ex;
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    /** How a failed read of a download is told to the user (yt-dlp's own failures are classified apart). */
    static ImportFailure broken(IOException ex) {
        if (StorageFull.causedBy(ex)) { // writing it down failed, not reading it
            return new ImportFailure(ImportError.STORAGE_FULL, "the disk is full", ex.getMessage());
        }
        if (ex instanceof TooLarge) {
            return new ImportFailure(ImportError.TOO_LARGE, ex.getMessage());
        }
        if (ex instanceof SocketTimeoutException) {
            return new ImportFailure(ImportError.NETWORK, "the connection to the source timed out", ex.getMessage());
        }
        if (ex instanceof EOFException || ex instanceof SocketException) {
            return new ImportFailure(ImportError.NETWORK, "the connection to the source broke off", ex.getMessage());
        }
        return new ImportFailure(ImportError.NETWORK, "direct download failed: " + ex.getMessage());
    }

    /** The size limit was passed. */
    static final class TooLarge extends IOException {

        TooLarge(long limit) {
            super("the body passed " + limit + " bytes");
        }
    }
}
