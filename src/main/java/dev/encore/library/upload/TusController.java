package dev.encore.library.upload;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.UUID;

import jakarta.validation.constraints.PositiveOrZero;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.encore.library.Viewer;

@Tag(name = "uploads", description = "Files sent to the library, typed by their content")
@RestController
class TusController {

    private static final String BASE = "/api/v1/uploads/tus";
    private static final String UPLOAD_ID = "Encore-Upload-Id";

    private final ResumableUploads resumable;
    private final UploadProperties properties;

    TusController(ResumableUploads resumable, UploadProperties properties) {
        this.resumable = resumable;
        this.properties = properties;
    }

    @Operation(summary = "tus discovery: version, extensions, largest upload")
    @ApiResponse(responseCode = "204", description = "Tus-Version, Tus-Extension, Tus-Max-Size")
    @RequestMapping(path = { BASE, BASE + "/{id}" }, method = RequestMethod.OPTIONS)
    ResponseEntity<Void> options() {
        return ResponseEntity.noContent().header("Tus-Version", TusProtocol.VERSION)
                .header("Tus-Extension", TusProtocol.EXTENSIONS)
                .header("Tus-Max-Size", Long.toString(properties.maxBytes().toBytes())).build();
    }

    @Operation(summary = "Start a resumable upload (tus creation)", description = "Upload-Length is required; "
            + "Upload-Metadata may carry `filename <base64>`. The length is reserved in the storage and daily "
            + "quotas until the upload is finished or expires (encore.upload.ttl).")
    @ApiResponse(responseCode = "201", description = "Created; Location is the upload's URL, Upload-Expires when "
            + "it is deleted unless finished")
    @ApiResponse(responseCode = "400", description = "Upload-Length or Upload-Metadata missing or invalid")
    @ApiResponse(responseCode = "403", description = "quota-exceeded: storage or daily upload quota")
    @ApiResponse(responseCode = "412", description = "tus-version-unsupported: Tus-Resumable is not 1.0.0")
    @ApiResponse(responseCode = "413", description = "Upload-Length above Tus-Max-Size (encore.upload.max-bytes)")
    @PostMapping(BASE)
    ResponseEntity<Void> create(Authentication auth, @RequestHeader("Upload-Length") long length,
            @RequestHeader(name = "Upload-Metadata", required = false) String metadata) throws IOException {
        TusUpload upload = resumable.create(Viewer.of(auth), length, TusProtocol.filename(metadata));
        return ResponseEntity.created(URI.create(BASE + "/" + upload.id())).headers(tusHeaders(upload)).build();
    }

    @Operation(summary = "Where a resumable upload stands (tus HEAD)", description = "Upload-Offset and "
            + "Upload-Length; once finished, Encore-Upload-Id names the upload it became.")
    @ApiResponse(responseCode = "200", description = "Upload-Offset, Upload-Length, Cache-Control: no-store")
    @ApiResponse(responseCode = "404", description = "No such live resumable upload of mine")
    @RequestMapping(path = BASE + "/{id}", method = RequestMethod.HEAD)
    ResponseEntity<Void> head(Authentication auth, @PathVariable UUID id) throws IOException {
        return ResponseEntity.ok().headers(tusHeaders(resumable.current(Viewer.of(auth), id))).build();
    }

    @Operation(summary = "A resumable upload as JSON (offset, length, and the upload it became)")
    @ApiResponse(responseCode = "404", description = "No such live resumable upload of mine")
    @GetMapping(BASE + "/{id}")
    ResponseEntity<TusUploadView> get(Authentication auth, @PathVariable UUID id) throws IOException {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(TusUploadView.of(resumable.current(Viewer.of(auth), id)));
    }

    @Operation(summary = "Append bytes at Upload-Offset (tus PATCH)", description = "The body "
            + "(application/offset+octet-stream) is streamed into a chunk in the blob store, so any node takes any "
            + "PATCH of any upload. When the last byte arrives the file is "
            + "typed, scanned and probed like a multipart upload, and Encore-Upload-Id names the upload; an empty "
            + "PATCH at the end retries a finish refused with 503.")
    @ApiResponse(responseCode = "204", description = "Appended; Upload-Offset is the new offset")
    @ApiResponse(responseCode = "403", description = "quota-exceeded now: the upload is deleted")
    @ApiResponse(responseCode = "404", description = "No such live resumable upload of mine")
    @ApiResponse(responseCode = "409", description = "offset-mismatch (ask HEAD for the offset) or upload-busy "
            + "(another PATCH of it is under way, on any node)")
    @ApiResponse(responseCode = "413", description = "More bytes than the upload's remaining length (any byte "
            + "once it is finished); none kept")
    @ApiResponse(responseCode = "415", description = "Not application/offset+octet-stream, or (last byte) not "
            + "an accepted file type: the upload is deleted")
    @ApiResponse(responseCode = "422", description = "malware-detected: the upload is deleted")
    @ApiResponse(responseCode = "503", description = "scanner-unavailable: the bytes are kept; retry the PATCH")
    @ApiResponse(responseCode = "507", description = "insufficient-storage: the server's disk is full; nothing of "
            + "this body was kept (the offset stays), resume once there is room")
    @PatchMapping(path = BASE + "/{id}", consumes = TusProtocol.MEDIA_TYPE)
    ResponseEntity<Void> patch(Authentication auth, @PathVariable UUID id,
            @RequestHeader("Upload-Offset") @PositiveOrZero long offset, InputStream body) throws IOException, InterruptedException {
        return ResponseEntity.noContent().headers(tusHeaders(resumable.append(Viewer.of(auth), id, offset, body)))
                .build();
    }

    @Operation(summary = "Terminate a resumable upload (tus termination)", description = "Its bytes are deleted; "
            + "the upload a finished one became stays.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "404", description = "No such live resumable upload of mine (also when another "
            + "termination of it ended first)")
    @ApiResponse(responseCode = "409", description = "upload-busy: a PATCH is still writing to it")
    @DeleteMapping(BASE + "/{id}")
    ResponseEntity<Void> delete(Authentication auth, @PathVariable UUID id) {
        resumable.terminate(Viewer.of(auth), id);
        return ResponseEntity.noContent().build();
    }

    private static HttpHeaders tusHeaders(TusUpload upload) {
        HttpHeaders headers = new HttpHeaders();
        headers.set("Upload-Offset", Long.toString(upload.offset()));
        headers.set("Upload-Length", Long.toString(upload.length()));
        headers.setCacheControl(CacheControl.noStore());
        if (upload.completed()) {
            headers.set(UPLOAD_ID, upload.uploadId().toString());
            headers.set(HttpHeaders.LOCATION, "/api/v1/uploads/" + upload.uploadId());
        }
        else {
            headers.setInstant("Upload-Expires", upload.expiresAt());
        }
        return headers;
    }
}
