package dev.encore.library.playlist;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;

import org.springframework.data.domain.Sort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.encore.library.Viewer;
import dev.encore.library.content.ETags;
import dev.encore.platform.ConcurrentChanges;
import dev.encore.platform.PageQuery;
import dev.encore.platform.PageResponse;

@Tag(name = "playlists", description = "Ordered lists of tracks; edits guarded by ETag / If-Match")
@RestController
@RequestMapping("/api/v1/playlists")
class PlaylistsController {

    private static final Set<String> SORTABLE = Set.of("name", "createdAt", "updatedAt");

    private final PlaylistLibrary library;

    PlaylistsController(PlaylistLibrary library) {
        this.library = library;
    }

    /**
     * A track to add, at a 0-based position from 0 to the number of items (the end, also the default);
     * a position past the end is refused (400), not moved to it.
     */
    record AddItem(UUID trackId, @Min(value = 0, message = "must be 0 or more") Integer position) {
    }

    /** Every item id of the playlist, in the new order. */
    record Order(List<UUID> itemIds) {
    }

    /** A share token: {@code GET /api/v1/playlists/shared/{token}} reads the playlist. */
    record Share(String token, String path) {
    }

    @Operation(summary = "Create a playlist")
    @ApiResponse(responseCode = "201", description = "Created")
    @PostMapping
    ResponseEntity<PlaylistView> create(Authentication auth, @Valid @RequestBody PlaylistRequest request) {
        PlaylistView playlist = library.create(Viewer.of(auth), request);
        return ResponseEntity.created(URI.create("/api/v1/playlists/" + playlist.id()))
                .eTag(ETags.of(playlist.version())).body(playlist);
    }

    @Operation(summary = "List playlists I may see", description = "Mine and everyone's public ones.")
    @GetMapping
    PageResponse<PlaylistView> list(Authentication auth, @Valid PageQuery page) {
        return PageResponse.from(library.list(Viewer.of(auth),
                page.toPageable(SORTABLE, Sort.by(Sort.Direction.DESC, "createdAt"))), playlist -> playlist);
    }

    @Operation(summary = "Show a playlist", description = "Private playlists are 404 for everyone but their owner.")
    @GetMapping("/{id}")
    ResponseEntity<PlaylistView> get(Authentication auth, @PathVariable UUID id) {
        return answer(library.get(Viewer.of(auth), id));
    }

    @Operation(summary = "Read a playlist through its share link")
    @GetMapping("/shared/{token}")
    ResponseEntity<PlaylistView> shared(Authentication auth, @PathVariable String token) {
        return answer(library.shared(Viewer.of(auth), token));
    }

    @Operation(summary = "Change name, description or isPublic")
    @ApiResponse(responseCode = "412", description = "precondition-failed: changed since you read it")
    @ApiResponse(responseCode = "409", description = "conflict: changed by another request at the same moment "
            + "(a track of it deleted meanwhile, say); read it again")
    @PatchMapping("/{id}")
    ResponseEntity<PlaylistView> update(Authentication auth, @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody PlaylistRequest request) {
        return answer(ConcurrentChanges.retried(() -> library.update(Viewer.of(auth), id, ETags.version(ifMatch),
                request)));
    }

    @Operation(summary = "Delete a playlist")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(Authentication auth, @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        ConcurrentChanges.retried(() -> library.delete(Viewer.of(auth), id, ETags.version(ifMatch)));
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Add a track")
    @ApiResponse(responseCode = "412", description = "precondition-failed: changed since you read it")
    @ApiResponse(responseCode = "409", description = "conflict: changed by another request at the same moment "
            + "(a track of it deleted meanwhile, say); read it again")
    @PostMapping("/{id}/items")
    ResponseEntity<PlaylistView> add(Authentication auth, @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, @Valid @RequestBody AddItem item) {
        return answer(ConcurrentChanges.retried(() -> library.add(Viewer.of(auth), id, ETags.version(ifMatch),
                item.trackId(), item.position())));
    }

    @Operation(summary = "Remove an item")
    @ApiResponse(responseCode = "409", description = "conflict: changed by another request at the same moment "
            + "(a track of it deleted meanwhile, say); read it again")
    @DeleteMapping("/{id}/items/{itemId}")
    ResponseEntity<PlaylistView> remove(Authentication auth, @PathVariable UUID id, @PathVariable UUID itemId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return answer(ConcurrentChanges.retried(() -> library.remove(Viewer.of(auth), id, ETags.version(ifMatch),
                itemId)));
    }

    @Operation(summary = "Reorder the items")
    @ApiResponse(responseCode = "409", description = "conflict: changed by another request at the same moment "
            + "(a track of it deleted meanwhile, say); read it again")
    @PutMapping("/{id}/items/order")
    ResponseEntity<PlaylistView> reorder(Authentication auth, @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, @Valid @RequestBody Order order) {
        return answer(ConcurrentChanges.retried(() -> library.reorder(Viewer.of(auth), id, ETags.version(ifMatch),
                order.itemIds())));
    }

    @Operation(summary = "Share a playlist", description = "Anyone signed in who has the token may read it.")
    @PostMapping("/{id}/share")
    Share share(Authentication auth, @PathVariable UUID id) {
        String token = library.share(Viewer.of(auth), id);
        return new Share(token, "/api/v1/playlists/shared/" + token);
    }

    @Operation(summary = "Revoke a playlist's share link",
            description = "The token reads nothing from now on; sharing again gives a new token. Idempotent.")
    @ApiResponse(responseCode = "204", description = "the playlist has no share link now")
    @DeleteMapping("/{id}/share")
    ResponseEntity<Void> unshare(Authentication auth, @PathVariable UUID id) {
        library.unshare(Viewer.of(auth), id);
        return ResponseEntity.noContent().build();
    }

    private static ResponseEntity<PlaylistView> answer(PlaylistView playlist) {
        return ResponseEntity.ok().eTag(ETags.of(playlist.version())).body(playlist);
    }
}
