package dev.encore.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.support.ResourceRegion;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRange;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.encore.platform.BlobStore;
import dev.encore.platform.DeliverableFiles.DeliverableBundle;
import dev.encore.platform.DeliverableFiles.DeliverableFile;
import dev.encore.platform.Problems;

/**
 * {@code GET}/{@code HEAD /dl/{token}}: a signed link's file, streamed from disk (never loaded
 * into memory) with {@code ETag}, {@code Last-Modified}, conditional requests and single byte
 * ranges; or a bundle, zipped on the fly straight into the response (no temporary zip).
 */
@Tag(name = "files")
@RestController
class DownloadController {

    private final DownloadLinks links;
    private final DeliverableCatalog catalog;
    private final BlobStore blobs;

    DownloadController(DownloadLinks links, DeliverableCatalog catalog, BlobStore blobs) {
        this.links = links;
        this.catalog = catalog;
        this.blobs = blobs;
    }

    @Operation(summary = "Download through a signed link", description = "No sign-in needed. Files support Range "
            + "(one range), If-None-Match, If-Modified-Since, If-Match, If-Unmodified-Since and If-Range; bundles "
            + "arrive as a zip.")
    @ApiResponse(responseCode = "200", description = "The file or zip")
    @ApiResponse(responseCode = "206", description = "The requested range")
    @ApiResponse(responseCode = "304", description = "Not modified")
    @ApiResponse(responseCode = "403", description = "link-invalid: the token was altered or is not a link")
    @ApiResponse(responseCode = "404", description = "The file was deleted or has expired")
    @ApiResponse(responseCode = "410", description = "link-expired")
    @ApiResponse(responseCode = "412", description = "A precondition failed")
    @ApiResponse(responseCode = "416", description = "range-not-satisfiable")
    @GetMapping("/dl/{token}")
    void download(@PathVariable String token, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        DownloadLinks.Grant grant = links.verify(token);
        if (grant.kind() == DownloadLinks.Kind.BUNDLE) {
            zip(catalog.bundle(grant.id(), grant.ownerId()), request, response);
            return;
        }
        DeliverableFile file = catalog.file(grant.id(), grant.ownerId());
        Path path = blobs.find(file.sha256()).orElseThrow(DeliverableCatalog.NotFound::new);
        String etag = "\"" + file.sha256() + "\"";
        long lastModified = file.createdAt().toEpochMilli();
        if (preconditionFails(request, etag, lastModified)) {
            throw new ErrorResponseException(HttpStatus.PRECONDITION_FAILED, Problems.of(HttpStatus.PRECONDITION_FAILED,
                    "precondition-failed", "Precondition failed", "The file does not match If-Match or "
                            + "If-Unmodified-Since."), null);
        }
        if (new ServletWebRequest(request, response).checkNotModified(etag, lastModified)) {
            return; // 304 or 412, headers already set
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType(file.mimeType()));
        headers.set(HttpHeaders.CONTENT_DISPOSITION, ContentDispositions.attachment(file.filename()));
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
                write(region, length, headers, request, response, true);
                return;
            }
            // several ranges: the whole file is a valid (and simpler) answer
        }
        // written here rather than returned as a Resource: Spring would apply the Range itself, If-Range or not
        write(new ResourceRegion(resource, 0, length), length, headers, request, response, false);
    }

    /** The whole file (200) or one range of it (206), streamed from disk. */
    private static void write(ResourceRegion region, long length, HttpHeaders headers,
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
            return;
        }
        try (InputStream in = region.getResource().getInputStream()) {
            in.skipNBytes(start);
            byte[] buffer = new byte[64 * 1024];
            OutputStream out = response.getOutputStream();
            long left = count;
            while (left > 0) {
                int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (read < 0) {
                    break;
                }
                out.write(buffer, 0, read);
                left -= read;
            }
        }
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

    private void zip(DeliverableBundle bundle, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (bundle.files().isEmpty()) {
            throw new DeliverableCatalog.NotFound();
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("application/zip");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDispositions.attachment(bundle.name() + ".zip"));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
        if ("HEAD".equals(request.getMethod())) {
            return;
        }
        Set<String> used = new HashSet<>();
        try (ZipOutputStream zip = new ZipOutputStream(response.getOutputStream())) {
            zip.setLevel(Deflater.NO_COMPRESSION); // audio is compressed already; spend no CPU on it
            for (DeliverableFile file : bundle.files()) {
                Path path = blobs.find(file.sha256()).orElse(null);
                if (path == null) {
                    continue; // deleted while we were zipping: leave it out
                }
                ZipEntry entry = new ZipEntry(ContentDispositions.uniqueEntryName(file.filename(), used));
                entry.setTime(file.createdAt().toEpochMilli());
                zip.putNextEntry(entry);
                try (InputStream in = Files.newInputStream(path)) {
                    in.transferTo(zip);
                }
                zip.closeEntry();
            }
            zip.finish();
        }
    }
}
