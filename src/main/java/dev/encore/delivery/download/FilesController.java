package dev.encore.delivery.download;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.encore.platform.spi.DeliverableFiles.DeliverableBundle;
import dev.encore.platform.spi.DeliverableFiles.DeliverableFile;
import dev.encore.platform.EncoreProperties;
import dev.encore.platform.Problems;
import dev.encore.delivery.file.DeliverableCatalog;
import dev.encore.delivery.link.DeliveryProperties;

@Tag(name = "files", description = "Finished files and signed download links")
@RestController
class FilesController {

    private final DeliverableCatalog catalog;
    private final DownloadLinks links;
    private final DeliveryProperties properties;
    private final URI publicUrl;

    FilesController(DeliverableCatalog catalog, DownloadLinks links, DeliveryProperties properties,
            EncoreProperties encore) {
        this.catalog = catalog;
        this.links = links;
        this.properties = properties;
        this.publicUrl = encore.publicUrl();
    }

    /**
     * A file.
     *
     * @param id         file id
     * @param filename   download name (custom name or title, sanitized, with extension)
     * @param mimeType   content type
     * @param size       bytes
     * @param sha256     content hash
     * @param durationMs duration
     * @param createdAt  when it was made
     * @param expiresAt  when it is deleted unless saved to the library
     */
    record FileView(UUID id, String filename, String mimeType, long size, String sha256, Long durationMs,
            Instant createdAt, Instant expiresAt) {

        static FileView of(DeliverableFile file) {
            return new FileView(file.id(), file.filename(), file.mimeType(), file.size(), file.sha256(),
                    file.durationMs(), file.createdAt(), file.expiresAt());
        }
    }

    /**
     * A signed download link.
     *
     * @param url       {@code <public-url>/dl/<token>}; works without signing in, on any node
     * @param expiresAt when it stops working
     */
    record LinkView(String url, Instant expiresAt) {
    }

    @Operation(summary = "Show one of my files")
    @ApiResponse(responseCode = "404", description = "No such file of mine, or it expired")
    @GetMapping("/api/v1/files/{id}")
    FileView file(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
        return FileView.of(catalog.file(id, owner(jwt)));
    }

    @Operation(summary = "Get a download link for one of my files")
    @ApiResponse(responseCode = "200", description = "A link valid for encore.delivery.link-ttl (15 minutes)")
    @ApiResponse(responseCode = "404", description = "No such file of mine, or it expired")
    @PostMapping("/api/v1/files/{id}/link")
    LinkView fileLink(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
        DeliverableFile file = catalog.file(id, owner(jwt));
        return link(links.sign(DownloadLinks.Kind.FILE, file.id(), file.ownerId(), properties.linkTtl()));
    }

    @Operation(summary = "Get a download link for an import's files",
            description = "A playlist or batch import downloads as one zip, built on the fly from its live files; a "
                    + "single link's import as its file (the same link as POST /api/v1/files/{fileId}/link).")
    @ApiResponse(responseCode = "200", description = "A link valid for encore.delivery.link-ttl (15 minutes)")
    @ApiResponse(responseCode = "404", description = "No such import of mine")
    @ApiResponse(responseCode = "409", description = "no-files: the import has no live files (yet)")
    @PostMapping("/api/v1/imports/{id}/link")
    LinkView bundleLink(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
        DeliverableBundle bundle = catalog.bundle(id, owner(jwt));
        if (bundle.files().isEmpty()) {
            throw new ErrorResponseException(HttpStatus.CONFLICT, Problems.of(HttpStatus.CONFLICT, "no-files",
                    "Nothing to download", "This import has no finished files to download."), null);
        }
        if (bundle.single()) {
            DeliverableFile file = bundle.files().getFirst();
            return link(links.sign(DownloadLinks.Kind.FILE, file.id(), file.ownerId(), properties.linkTtl()));
        }
        return link(links.sign(DownloadLinks.Kind.BUNDLE, bundle.id(), bundle.ownerId(), properties.linkTtl()));
    }

    private LinkView link(DownloadLinks.Link link) {
        String base = publicUrl.toString().replaceAll("/+$", "");
        return new LinkView(base + "/dl/" + link.token(), link.expiresAt());
    }

    private static UUID owner(Jwt jwt) {
        return UUID.fromString(jwt.getSubject());
    }
}
