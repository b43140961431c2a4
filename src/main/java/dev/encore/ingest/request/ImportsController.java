package dev.encore.ingest.request;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;

import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.encore.ingest.imports.ImportKind;
import dev.encore.ingest.imports.ImportView;
import dev.encore.platform.PageQuery;
import dev.encore.platform.PageResponse;
import dev.encore.platform.RateLimited;

@Tag(name = "imports", description = "Import audio from links (yt-dlp + ffmpeg), with live progress")
@RestController
@RequestMapping("/api/v1/imports")
class ImportsController {

    private static final Set<String> SORTABLE = Set.of("createdAt", "updatedAt", "status");

    private final ImportRequests requests;

    ImportsController(ImportRequests requests) {
        this.requests = requests;
    }

    /**
     * One link.
     *
     * @param url        http(s) link on an allowed host, at most 2,048 characters
     * @param format     mp3 (default), m4a, aac, opus, flac or wav
     * @param customName display name of the file (at most 200 characters; no path separators, "..",
     *                   leading dot or control characters)
     */
    record SingleImportRequest(String url, String format, String customName) {
    }

    /** A playlist link; its items are capped by {@code encore.ingest.max-playlist-items}. */
    record PlaylistImportRequest(String url, String format) {
    }

    /** 1..{@code encore.ingest.max-batch-urls} links; errors name the index ({@code urls[3]}). */
    record BatchImportRequest(List<String> urls, String format) {
    }

    @Operation(summary = "Import one link", description = "Accepted at once; follow progress on the Location, "
            + "its /events stream (SSE) or STOMP /user/queue/imports.")
    @ApiResponse(responseCode = "202", description = "Accepted; Location names the import")
    @ApiResponse(responseCode = "403", description = "quota-exceeded: the storage quota is full")
    @ApiResponse(responseCode = "429", description = "too-many-imports: the per-user running cap is reached")
    @ApiResponse(responseCode = "503", description = "import-queue-full or ingest-unavailable; see Retry-After")
    @RateLimited("imports")
    @PostMapping
    ResponseEntity<ImportView> single(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody SingleImportRequest body) {
        return accepted(requests.create(owner(jwt), new ImportRequests.Request(ImportKind.SINGLE, listOf(body.url()),
                body.format(), body.customName())));
    }

    @Operation(summary = "Import a playlist")
    @ApiResponse(responseCode = "202", description = "Accepted; Location names the import")
    @RateLimited("imports-bulk")
    @PostMapping("/playlist")
    ResponseEntity<ImportView> playlist(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody PlaylistImportRequest body) {
        return accepted(requests.create(owner(jwt), new ImportRequests.Request(ImportKind.PLAYLIST,
                listOf(body.url()), body.format(), null)));
    }

    @Operation(summary = "Import several links at once")
    @ApiResponse(responseCode = "202", description = "Accepted; Location names the import")
    @RateLimited("imports-bulk")
    @PostMapping("/batch")
    ResponseEntity<ImportView> batch(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody BatchImportRequest body) {
        return accepted(requests.create(owner(jwt), new ImportRequests.Request(ImportKind.BATCH, body.urls(),
                body.format(), null)));
    }

    @Operation(summary = "List my imports", description = "Newest first unless sorted otherwise "
            + "(createdAt, updatedAt, status).")
    @GetMapping
    PageResponse<ImportView> list(@AuthenticationPrincipal Jwt jwt,
            @Parameter(description = "QUEUED, RUNNING, SUCCEEDED, PARTIAL, FAILED or CANCELLED")
            @RequestParam(required = false) String status, @Valid PageQuery page) {
        return PageResponse.from(requests.list(owner(jwt), Optional.ofNullable(status).map(ImportRequests::status),
                page.toPageable(SORTABLE, Sort.by(Sort.Direction.DESC, "createdAt"))), view -> view);
    }

    @Operation(summary = "Show one of my imports")
    @ApiResponse(responseCode = "404", description = "No such import of mine")
    @GetMapping("/{id}")
    ImportView get(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
        return requests.get(owner(jwt), id);
    }

    @Operation(summary = "Cancel or delete an import", description = "Cancels a queued or running import (finished "
            + "items keep their files); deletes a finished one and its files.")
    @ApiResponse(responseCode = "204", description = "Cancelled or deleted")
    @ApiResponse(responseCode = "404", description = "No such import of mine")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
        requests.cancelOrDelete(owner(jwt), id);
        return ResponseEntity.noContent().build();
    }

    private static ResponseEntity<ImportView> accepted(ImportView view) {
        return ResponseEntity.accepted().location(URI.create("/api/v1/imports/" + view.id())).body(view);
    }

    private static List<String> listOf(String url) {
        return url == null ? List.of() : List.of(url);
    }

    static UUID owner(Jwt jwt) {
        return UUID.fromString(jwt.getSubject());
    }
}
