package dev.encore.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.support.ResourceRegion;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRange;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.context.request.ServletWebRequest;

import dev.encore.platform.BlobStore;
import dev.encore.platform.DeliverableFiles.DeliverableFile;
import dev.encore.platform.Problems;

/**
 * Serves a stored file: streamed from disk (never loaded into memory) with {@code ETag} (the
 * SHA-256), {@code Last-Modified}, conditional requests (304/412, If-Match and
 * If-Unmodified-Since included, which Spring evaluates only for unsafe methods), {@code If-Range}
 * and one byte range (206; 416 when unsatisfiable). The answer is written here rather than
 * returned as a Resource, because Spring would apply the Range itself, If-Range or not.
 */
@Component
class FileStreamer {

    private static final String SENDFILE_SUPPORT = "org.apache.tomcat.sendfile.support";
    private static final String SENDFILE_FILENAME = "org.apache.tomcat.sendfile.filename";
    private static final String SENDFILE_START = "org.apache.tomcat.sendfile.start";
    private static final String SENDFILE_END = "org.apache.tomcat.sendfile.end";

    /** Below this, writing the bytes costs less than setting up sendfile (Tomcat's DefaultServlet: 48 KiB). */
    private static final long SENDFILE_MIN_BYTES = 48 * 1024;

    private final BlobStore blobs;

    FileStreamer(BlobStore blobs) {
        this.blobs = blobs;
    }

    /**
     * A file on local disk and how to describe it.
     *
     * @param path         the bytes
     * @param etag         strong entity tag, quoted
     * @param lastModified epoch millis
     * @param mimeType     its media type
     * @param filename     the name clients see
     */
    record Servable(Path path, String etag, long lastModified, String mimeType, String filename) {
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
    record Sent(long start, long bytesSent, long length, boolean body, boolean counted) {

        static final Sent NOTHING = new Sent(0, 0, 0, false, true);
    }

    /** Serves a stored file, as a download ({@code attachment}) or for playing in place. */
    Sent serve(DeliverableFile file, boolean attachment, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Path path = blobs.find(file.sha256()).orElseThrow(DeliverableCatalog.NotFound::new);
        return serve(new Servable(path, "\"" + file.sha256() + "\"", file.createdAt().toEpochMilli(), file.mimeType(),
                file.filename()), attachment, request, response);
    }

    /** Serves a local file (a stored blob or a rendition of one). */
    Sent serve(Servable file, boolean attachment, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Path path = file.path();
        String etag = file.etag();
        long lastModified = file.lastModified();
        if (preconditionFails(request, etag, lastModified)) {
            throw new ErrorResponseException(HttpStatus.PRECONDITION_FAILED, Problems.of(HttpStatus.PRECONDITION_FAILED,
                    "precondition-failed", "Precondition failed", "The file does not match If-Match or "
                            + "If-Unmodified-Since."), null);
        }
        if (new ServletWebRequest(request, response).checkNotModified(etag, lastModified)) {
            return Sent.NOTHING; // 304 or 412, headers already set
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType(file.mimeType()));
        headers.set(HttpHeaders.CONTENT_DISPOSITION, attachment ? ContentDispositions.attachment(file.filename())
                : ContentDispositions.inline(file.filename()));
        headers.set(HttpHeaders.ACCEPT_RANGES, "bytes");
        headers.setETag(etag);
        headers.setLastModified(lastModified);
        headers.setCacheControl("private, max-age=0, must-revalidate");
        FileSystemResource resource = new FileSystemResource(path);
        long length = Files.size(path);
        String range = request.getHeader(HttpHeaders.RANGE);
        if (range != null && ifRangeMatches(request.getHeader(HttpHeaders.IF_RANGE), etag, lastModified)) {
            List<HttpRange> ranges;
            try {
                ranges = HttpRange.parseRanges(range);
            }
            catch (IllegalArgumentException malformed) {
                ranges = List.of(); // a malformed Range is ignored (RFC 9110 §14.2)
            }
            if (ranges.size() == 1) {
                ResourceRegion region = region(ranges.getFirst(), resource, length);
                return write(region, length, headers, request, response, true);
            }
            // several ranges: the whole file is a valid (and simpler) answer
        }
        return write(new ResourceRegion(resource, 0, length), length, headers, request, response, false);
    }

    /**
     * The whole file (200) or one range of it (206), streamed from disk. A client that goes away
     * ends the answer quietly: there is nobody left to tell, and what it got is still reported.
     */
    private static Sent write(ResourceRegion region, long length, HttpHeaders headers,
            HttpServletRequest request, HttpServletResponse response, boolean partial) throws IOException {
        response.setStatus(partial ? HttpStatus.PARTIAL_CONTENT.value() : HttpStatus.OK.value());
        headers.forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        long start = region.getPosition();
        long count = region.getCount();
        if (partial) {
            response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes " + start + "-" + (start + count - 1) + "/" + length);
        }
        response.setContentLengthLong(count);
        if ("HEAD".equals(request.getMethod())) {
            return new Sent(start, 0, length, false, true);
        }
        if (count >= SENDFILE_MIN_BYTES && Boolean.TRUE.equals(request.getAttribute(SENDFILE_SUPPORT))) {
            // Tomcat's zero-copy path (what its DefaultServlet uses): the connector hands the range
            // from the page cache to the socket after this method returns; no byte passes the JVM
            request.setAttribute(SENDFILE_FILENAME, region.getResource().getFile().getAbsolutePath());
            request.setAttribute(SENDFILE_START, start);
            request.setAttribute(SENDFILE_END, start + count);
            return new Sent(start, count, length, true, false);
        }
        long sent = 0;
        try (InputStream in = region.getResource().getInputStream()) {
            in.skipNBytes(start);
            byte[] buffer = new byte[64 * 1024];
            OutputStream out = response.getOutputStream();
            while (sent < count) {
                int read = in.read(buffer, 0, (int) Math.min(buffer.length, count - sent));
                if (read < 0) {
                    break;
                }
                try {
                    out.write(buffer, 0, read);
                }
                catch (IOException clientGone) {
                    return new Sent(start, sent, length, true, true);
                }
                sent += read;
            }
        }
        return new Sent(start, sent, length, true, true);
    }

    private static ResourceRegion region(HttpRange range, FileSystemResource resource, long length) {
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
        return new ResourceRegion(resource, start, end - start + 1);
    }

    private static ErrorResponseException unsatisfiable(long length) {
        ErrorResponseException ex = new ErrorResponseException(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE,
                Problems.of(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE, "range-not-satisfiable",
                        "Range not satisfiable", "The requested range lies outside the file."), null);
        ex.getHeaders().set(HttpHeaders.CONTENT_RANGE, "bytes */" + length);
        return ex;
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
