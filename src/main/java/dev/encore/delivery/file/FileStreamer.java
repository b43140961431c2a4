package dev.encore.delivery.file;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRange;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

import dev.encore.platform.BlobStore;
import dev.encore.platform.ConditionalRequests;
import dev.encore.platform.StorageUnavailableException;
import dev.encore.platform.spi.DeliverableFiles.DeliverableFile;
import dev.encore.platform.Problems;

/**
 * Serves a stored blob: streamed (never loaded into memory) with {@code ETag} (the SHA-256),
 * {@code Last-Modified}, conditional requests (304/412, If-Match and If-Unmodified-Since included,
 * which Spring evaluates only for unsafe methods), {@code If-Range} and one byte range (206; 416
 * when unsatisfiable). Where the blob is a file on this node, long answers go out by the
 * connector's zero-copy sendfile; otherwise (a bucket) the range is read from the store as it is
 * sent. The answer is written here rather than returned as a Resource, because Spring would apply
 * the Range itself, If-Range or not.
 */
@Component
public class FileStreamer {

    private static final Logger log = LoggerFactory.getLogger(FileStreamer.class);

    private static final String SENDFILE_SUPPORT = "org.apache.tomcat.sendfile.support";
    private static final String SENDFILE_FILENAME = "org.apache.tomcat.sendfile.filename";
    private static final String SENDFILE_START = "org.apache.tomcat.sendfile.start";
    private static final String SENDFILE_END = "org.apache.tomcat.sendfile.end";

    /** Below this, writing the bytes costs less than setting up sendfile (Tomcat's DefaultServlet: 48 KiB). */
    private static final long SENDFILE_MIN_BYTES = 48 * 1024;
    private static final int BUFFER = 64 * 1024;

    /** What a stream of a file that can change answers with: cache it, but check it each time. */
    public static final String REVALIDATE = "private, max-age=0, must-revalidate";

    private final BlobStore blobs;

    FileStreamer(BlobStore blobs) {
        this.blobs = blobs;
    }

    /**
     * A stored blob and how to describe it.
     *
     * @param sha256       the blob
     * @param length       its size in bytes, as recorded when it was stored
     * @param etag         strong entity tag, quoted
     * @param lastModified epoch millis
     * @param mimeType     its media type
     * @param filename     the name clients see
     */
    public record Servable(String sha256, long length, String etag, long lastModified, String mimeType,
            String filename) {
    }

    /**
     * What was sent.
     *
     * @param start     first byte offset of the answer
     * @param bytesSent bytes written before the answer ended (or the client left)
     * @param length    the whole file's length
     * @param body      whether a body was due at all (not for HEAD, 304 or 412)
     * @param counted   whether bytesSent were counted as they left (false: handed to the connector's
     *                  sendfile, which sends them after this answer returns)
     */
    public record Sent(long start, long bytesSent, long length, boolean body, boolean counted) {

        static final Sent NOTHING = new Sent(0, 0, 0, false, true);
    }

    /** Serves a stored file, as a download ({@code attachment}) or for playing in place. */
    public Sent serve(DeliverableFile file, boolean attachment, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        return serve(new Servable(file.sha256(), file.size(), "\"" + file.sha256() + "\"",
                file.createdAt().toEpochMilli(), file.mimeType(), file.filename()), attachment, request, response);
    }

    /**
     * Serves a stored blob (an original or a rendition), with {@link #REVALIDATE}.
     *
     * @throws DeliverableCatalog.NotFound when the blob is not in the store (nothing is written yet)
     */
    public Sent serve(Servable file, boolean attachment, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        return serve(file, attachment, REVALIDATE, request, response);
    }

    /**
     * Serves a stored blob with this {@code Cache-Control} (on 304s too), e.g. {@code no-store} for
     * a playlist or {@code immutable} for a file whose URL changes when its bytes do.
     *
     * @throws DeliverableCatalog.NotFound when the blob is not in the store (nothing is written yet)
     */
    public Sent serve(Servable file, boolean attachment, String cacheControl, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        String etag = file.etag();
        long lastModified = file.lastModified();
        if (preconditionFails(request, etag, lastModified)) {
            throw new ErrorResponseException(HttpStatus.PRECONDITION_FAILED, Problems.of(HttpStatus.PRECONDITION_FAILED,
                    "precondition-failed", "Precondition failed", "The file does not match If-Match or "
                            + "If-Unmodified-Since."), null);
        }
        response.setHeader(HttpHeaders.CACHE_CONTROL, cacheControl); // a 304 carries it too
        // sets ETag and Last-Modified on the answer, 304 or not: they are not set again below
        if (ConditionalRequests.notModified(request, response, etag, lastModified)) {
            return Sent.NOTHING;
        }
        Optional<Path> local = blobs.directFile(file.sha256());
        long length = local.isPresent() ? localSize(local.get()) : file.length();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType(file.mimeType()));
        headers.set(HttpHeaders.CONTENT_DISPOSITION, attachment ? ContentDispositions.attachment(file.filename())
                : ContentDispositions.inline(file.filename()));
        headers.set(HttpHeaders.ACCEPT_RANGES, "bytes");
        headers.setCacheControl(cacheControl);
        Region region = region(request.getHeader(HttpHeaders.RANGE), request.getHeader(HttpHeaders.IF_RANGE), etag,
                lastModified, length);
        if ("HEAD".equals(request.getMethod())) {
            if (local.isEmpty() && metadata(file.sha256()).isEmpty()) {
                throw new DeliverableCatalog.NotFound();
            }
            writeHeaders(region, length, headers, response);
            return new Sent(region.start(), 0, length, false, true);
        }
        if (local.isPresent() && region.count() >= SENDFILE_MIN_BYTES
                && Boolean.TRUE.equals(request.getAttribute(SENDFILE_SUPPORT))) {
            // Tomcat's zero-copy path (what its DefaultServlet uses): the connector hands the range
            // from the page cache to the socket after this method returns; no byte passes the JVM
            writeHeaders(region, length, headers, response);
            request.setAttribute(SENDFILE_FILENAME, local.get().toAbsolutePath().toString());
            request.setAttribute(SENDFILE_START, region.start());
            request.setAttribute(SENDFILE_END, region.start() + region.count());
            return new Sent(region.start(), region.count(), length, true, false);
        }
        try (InputStream in = open(file.sha256(), region)) {
            writeHeaders(region, length, headers, response); // only now: a missing blob is still a clean 404
            return new Sent(region.start(), copy(in, region.count(), response.getOutputStream()), length, true, true);
        }
    }

    /**
     * The part of a blob to send: one satisfiable range when the request asks for one (and its
     * If-Range holds), else the whole.
     */
    record Region(long start, long count, boolean partial) {
    }

    private static Region region(String range, String ifRange, String etag, long lastModified, long length) {
        if (range != null && ifRangeMatches(ifRange, etag, lastModified)) {
            List<HttpRange> ranges;
            try {
                ranges = HttpRange.parseRanges(range);
            }
            catch (IllegalArgumentException malformed) {
                ranges = List.of(); // a malformed Range is ignored (RFC 9110 §14.2)
            }
            if (ranges.size() == 1) {
                return region(ranges.getFirst(), length);
            }
            // several ranges: the whole file is a valid (and simpler) answer
        }
        return new Region(0, length, false);
    }

    private InputStream open(String sha256, Region region) throws IOException {
        try {
            return blobs.read(sha256, region.start(), region.count());
        }
        catch (NoSuchFileException gone) {
            throw new DeliverableCatalog.NotFound();
        }
        catch (IOException unanswered) {
            throw unavailable(sha256, unanswered);
        }
    }

    private static long localSize(Path blob) throws IOException {
        try {
            return Files.size(blob);
        }
        catch (NoSuchFileException deletedMeanwhile) {
            throw new DeliverableCatalog.NotFound();
        }
    }

    private Optional<BlobStore.Metadata> metadata(String sha256) {
        try {
            return blobs.metadata(sha256);
        }
        catch (IOException unanswered) {
            throw unavailable(sha256, unanswered);
        }
    }

    private static StorageUnavailableException unavailable(String sha256, IOException cause) {
        log.warn("Cannot serve blob {}: {}", sha256, cause.getMessage());
        return new StorageUnavailableException(cause);
    }

    /**
     * The status and headers of a 200 or 206. Headers are set, not added: what
     * {@code checkNotModified} set before (ETag, Last-Modified) stays single.
     */
    private static void writeHeaders(Region region, long length, HttpHeaders headers, HttpServletResponse response) {
        response.setStatus(region.partial() ? HttpStatus.PARTIAL_CONTENT.value() : HttpStatus.OK.value());
        headers.forEach((name, values) -> {
            response.setHeader(name, values.getFirst());
            values.stream().skip(1).forEach(value -> response.addHeader(name, value));
        });
        if (region.partial()) {
            response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes " + region.start() + "-"
                    + (region.start() + region.count() - 1) + "/" + length);
        }
        response.setContentLengthLong(region.count());
    }

    /**
     * Copies up to {@code count} bytes; returns how many left. A client that goes away ends the
     * answer quietly: there is nobody left to tell, and what it got is still reported.
     */
    private static long copy(InputStream in, long count, OutputStream out) throws IOException {
        byte[] buffer = new byte[BUFFER];
        long sent = 0;
        while (sent < count) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, count - sent));
            if (read < 0) {
                break;
            }
            try {
                out.write(buffer, 0, read);
            }
            catch (IOException clientGone) {
                return sent;
            }
            sent += read;
        }
        return sent;
    }

    private static Region region(HttpRange range, long length) {
        long start;
        long end;
        try {
            start = range.getRangeStart(length);
            end = range.getRangeEnd(length);
        }
        catch (IllegalArgumentException ex) {
            throw unsatisfiable(length);
        }
        if (length == 0 || start >= length || start > end) {
            throw unsatisfiable(length);
        }
        return new Region(start, end - start + 1, true);
    }

    private static ErrorResponseException unsatisfiable(long length) {
        return Problems.rangeNotSatisfiable(length);
    }

    /**
     * If-Match and If-Unmodified-Since on a GET (RFC 9110 §13.1.1, §13.1.4), which Spring only
     * evaluates for unsafe methods: a client resuming a download checks it still has the same file.
     */
    private static boolean preconditionFails(HttpServletRequest request, String etag, long lastModified) {
        String ifMatch = request.getHeader(HttpHeaders.IF_MATCH);
        if (ifMatch != null) {
            return !ifMatch.trim().equals("*") && java.util.Arrays.stream(ifMatch.split(","))
                    .map(String::trim).noneMatch(etag::equals);
        }
        long ifUnmodifiedSince;
        try {
            ifUnmodifiedSince = request.getDateHeader(HttpHeaders.IF_UNMODIFIED_SINCE);
        }
        catch (IllegalArgumentException unparseable) {
            return false;
        }
        return ifUnmodifiedSince >= 0 && lastModified / 1000 > ifUnmodifiedSince / 1000;
    }

    /** No If-Range, or one that names the current ETag or last modification date. */
    private static boolean ifRangeMatches(String ifRange, String etag, long lastModified) {
        if (ifRange == null) {
            return true;
        }
        if (ifRange.startsWith("\"") || ifRange.startsWith("W/")) {
            return ifRange.equals(etag);
        }
        try {
            return java.time.ZonedDateTime.parse(ifRange, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toEpochSecond() == lastModified / 1000;
        }
        catch (java.time.format.DateTimeParseException unparseable) {
            return false;
        }
    }
}
