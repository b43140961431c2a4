package dev.encore.library.upload;

import java.io.IOException;
import java.net.URI;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;

import org.springframework.core.io.Resource;
import org.springframework.data.domain.Sort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.encore.library.Viewer;
import dev.encore.library.media.CoverArt;
import dev.encore.platform.InvalidFieldsException;
import dev.encore.platform.PageQuery;
import dev.encore.platform.PageResponse;

@Tag(name = "uploads", description = "Files sent to the library, typed by their content")
@RestController
class UploadsController {

    private static final Set<String> SORTABLE = Set.of("createdAt", "filename", "size");

    private final UploadReceiver receiver;
    private final CoverArt covers;

    UploadsController(UploadReceiver receiver, CoverArt covers) {
        this.receiver = receiver;
        this.covers = covers;
    }

    @Operation(summary = "Upload a file (multipart, part 'file')", description = "Audio, video, images and PDF, "
            + "recognised by their bytes. Audio and video are probed for duration and tags. Save audio to the "
            + "library with POST /api/v1/tracks {uploadId}, video with POST /api/v1/videos, a PDF with POST "
            + "/api/v1/presentations; each takes only its own kind. Unused uploads expire (encore.upload.ttl).")
    @ApiResponse(responseCode = "201", description = "Stored")
    @ApiResponse(responseCode = "400", description = "bad-request: malformed multipart, or a part's headers over "
            + "2 KB (a file name far past the 255 characters kept); empty-upload; more than one 'file' part")
    @ApiResponse(responseCode = "403", description = "quota-exceeded: storage or daily upload quota")
    @ApiResponse(responseCode = "413", description = "Larger than encore.upload.max-bytes")
    @ApiResponse(responseCode = "507", description = "insufficient-storage: the server's disk is full; nothing was kept")
    @ApiResponse(responseCode = "415", description = "unsupported-media-type: not a type Encore accepts")
    @ApiResponse(responseCode = "422", description = "malware-detected: the ClamAV scan found malware; nothing stored")
    @ApiResponse(responseCode = "503", description = "scanner-unavailable: clamd unreachable (encore.upload.clamav)")
    @PostMapping(path = "/api/v1/uploads", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<UploadView> upload(Authentication auth, @RequestParam("file") MultipartFile file,
            @Parameter(hidden = true) MultipartRequest parts) throws IOException, InterruptedException {
        if (parts.getFiles("file").size() > 1) { // one would be stored and the others silently dropped
            throw InvalidFieldsException.of("file", "one file per upload; send the others in their own requests");
        }
        UploadView upload = receiver.receive(Viewer.of(auth), file);
        return ResponseEntity.created(URI.create("/api/v1/uploads/" + upload.id())).body(upload);
    }

    @Operation(summary = "My uploads not saved to the library yet", description = "Finished uploads that were "
            + "neither saved (POST /api/v1/tracks, /videos or /presentations {uploadId}), discarded nor expired, "
            + "newest first by default. Each holds its size in the storage quota until then "
            + "(encore.upload.ttl). Resumable uploads still receiving bytes are not listed (tus HEAD tells where "
            + "one stands).")
    @ApiResponse(responseCode = "200", description = "A page of uploads")
    @ApiResponse(responseCode = "400", description = "page, size or sort out of range (sort: createdAt, filename, size)")
    @GetMapping("/api/v1/uploads")
    PageResponse<UploadView> list(Authentication auth, @Valid PageQuery page) {
        return PageResponse.from(receiver.list(Viewer.of(auth), page.toPageable(SORTABLE,
                Sort.by("createdAt").descending())), view -> view);
    }

    @Operation(summary = "Discard one of my uploads", description = "It can no longer be saved to the library and "
            + "its size no longer counts in the storage quota (the daily upload quota still counts it); the file "
            + "is deleted with the expired uploads.")
    @ApiResponse(responseCode = "204", description = "Discarded")
    @ApiResponse(responseCode = "404", description = "No such live upload of mine (saved, discarded or expired)")
    @DeleteMapping("/api/v1/uploads/{id}")
    ResponseEntity<Void> discard(Authentication auth, @PathVariable UUID id) {
        receiver.discard(Viewer.of(auth), id);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Show one of my uploads")
    @ApiResponse(responseCode = "404", description = "No such live upload of mine")
    @GetMapping("/api/v1/uploads/{id}")
    UploadView get(Authentication auth, @PathVariable UUID id) {
        return receiver.get(Viewer.of(auth), id);
    }

    @Operation(summary = "The cover picture embedded in one of my audio uploads")
    @ApiResponse(responseCode = "200", description = "The picture (JPEG, PNG or WebP)")
    @ApiResponse(responseCode = "404", description = "No such live upload of mine, or it has no cover")
    @GetMapping("/api/v1/uploads/{id}/cover")
    ResponseEntity<Resource> cover(Authentication auth, @PathVariable UUID id) throws IOException {
        return covers.response(receiver.coverOf(Viewer.of(auth), id));
    }
}
