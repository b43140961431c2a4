package dev.encore.delivery.download;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.encore.platform.BlobStore;
import dev.encore.platform.spi.DeliverableFiles.DeliverableBundle;
import dev.encore.platform.spi.DeliverableFiles.DeliverableFile;
import dev.encore.delivery.file.ContentDispositions;
import dev.encore.delivery.file.DeliverableCatalog;
import dev.encore.delivery.file.DeliveryCounts;
import dev.encore.delivery.file.FileStreamer;

/**
 * {@code GET}/{@code HEAD /dl/{token}}: a signed link's file, streamed from the store (never loaded
 * into memory) with {@code ETag}, {@code Last-Modified}, conditional requests and single byte
 * ranges; or a bundle, zipped on the fly straight into the response (no temporary zip).
 */
@Tag(name = "files")
@RestController
class DownloadController {

    private final DownloadLinks links;
    private final DeliverableCatalog catalog;
    private final BlobStore blobs;
    private final FileStreamer streamer;
    private final DeliveryCounts counts;

    DownloadController(DownloadLinks links, DeliverableCatalog catalog, BlobStore blobs, FileStreamer streamer,
            DeliveryCounts counts) {
        this.links = links;
        this.catalog = catalog;
        this.blobs = blobs;
        this.streamer = streamer;
        this.counts = counts;
    }

    @Operation(summary = "Download through a signed link", description = "No sign-in needed. Files support Range "
            + "(one range), If-None-Match, If-Modified-Since, If-Match, If-Unmodified-Since and If-Range; bundles "
            + "arrive as a zip. A file's GET from its first byte counts as a download (insights).")
    @ApiResponse(responseCode = "200", description = "The file or zip")
    @ApiResponse(responseCode = "206", description = "The requested range")
    @ApiResponse(responseCode = "304", description = "Not modified")
    @ApiResponse(responseCode = "403", description = "link-invalid: the token was altered or is not a link")
    @ApiResponse(responseCode = "404", description = "The file was deleted or has expired")
    @ApiResponse(responseCode = "410", description = "link-expired")
    @ApiResponse(responseCode = "412", description = "A precondition failed")
    @ApiResponse(responseCode = "416", description = "range-not-satisfiable")
    @ApiResponse(responseCode = "503", description = "storage-unavailable: the file store did not answer; see Retry-After")
    @GetMapping("/dl/{token}")
    void download(@PathVariable String token, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        DownloadLinks.Grant grant = links.verify(token);
        if (grant.kind() == DownloadLinks.Kind.BUNDLE) {
            zip(catalog.bundle(grant.id(), grant.ownerId()), request, response);
            return;
        }
        DeliverableFile file = catalog.file(grant.id(), grant.ownerId());
        FileStreamer.Sent sent = streamer.serve(file, true, request, response);
        if (sent.body() && sent.start() == 0) { // a resumed download (a later range) is the same download
            counts.downloaded(file);
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
                InputStream in;
                try {
                    in = blobs.read(file.sha256(), 0, file.size());
                }
                catch (NoSuchFileException deleted) {
                    continue; // deleted while we were zipping: leave it out
                }
                try (in) {
                    ZipEntry entry = new ZipEntry(ContentDispositions.uniqueEntryName(file.filename(), used));
                    entry.setTime(file.createdAt().toEpochMilli());
                    zip.putNextEntry(entry);
                    in.transferTo(zip);
                    zip.closeEntry();
                }
            }
            zip.finish();
        }
    }
}
