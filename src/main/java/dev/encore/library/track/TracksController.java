package dev.encore.library.track;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import jakarta.validation.Valid;

import org.springframework.core.io.Resource;
import org.springframework.data.domain.Sort;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.encore.library.TrackLibrary;
import dev.encore.library.Viewer;
import dev.encore.library.Visibility;
import dev.encore.library.content.ETags;
import dev.encore.library.media.CoverArt;
import dev.encore.platform.ConcurrentChanges;
import dev.encore.platform.InvalidFieldsException;
import dev.encore.platform.PageQuery;
import dev.encore.platform.PageResponse;
import dev.encore.platform.StorableInstant;

@Tag(name = "tracks", description = "Audio in the library: saved imports, metadata, visibility")
@RestController
@RequestMapping("/api/v1/tracks")
class TracksController {

    private static final int MAX_TEXT = 200;

    private final TrackLibrary library;
    private final CoverArt covers;

    TracksController(TrackLibrary library, CoverArt covers) {
        this.library = library;
        this.covers = covers;
    }

    @Operation(summary = "Save a finished import file as a track", description = "The file stops expiring and "
            + "becomes library content. Title defaults to the file name; artist is required.")
    @ApiResponse(responseCode = "201", description = "Created; Location names the track")
    @ApiResponse(responseCode = "403", description = "featured is for admins")
    @ApiResponse(responseCode = "404", description = "No such live file of mine")
    @PostMapping
    ResponseEntity<TrackView> create(Authentication auth, @Valid @RequestBody TrackDetails details) {
        TrackView track = library.create(viewer(auth), details);
        return ResponseEntity.created(URI.create("/api/v1/tracks/" + track.id())).eTag(etag(track)).body(track);
    }

    @Operation(summary = "List tracks I may see", description = "Mine, everyone's public ones (admins: all). "
            + "Sort by title, artist, album, year, createdAt or durationMs; q keeps the tracks whose title, artist "
            + "or album contains it (any case, up to 200 characters).")
    @ApiResponse(responseCode = "400", description = "q over 200 characters, an unknown sort, bad paging")
    @GetMapping
    PageResponse<TrackView> list(Authentication auth, @RequestParam(required = false) String q,
            @RequestParam(required = false) String artist,
            @RequestParam(required = false) String album, @RequestParam(required = false) String genre,
            @RequestParam(required = false) String tag, @RequestParam(required = false) String category,
            @RequestParam(required = false) Integer yearFrom, @RequestParam(required = false) Integer yearTo,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @StorableInstant Instant createdFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @StorableInstant Instant createdTo,
            @RequestParam(required = false) Visibility visibility, @RequestParam(required = false) UUID owner,
            @Valid PageQuery page) {
        if (q != null && q.length() > MAX_TEXT) {
            throw InvalidFieldsException.of("q", "must be at most " + MAX_TEXT + " characters");
        }
        TrackFilter filter = new TrackFilter(artist, album, genre, tag, category, yearFrom, yearTo, createdFrom,
                createdTo, visibility, owner, q);
        return PageResponse.from(library.list(viewer(auth), filter,
                page.toPageable(TrackListing.SORTABLE, Sort.by(Sort.Direction.DESC, "createdAt"))), track -> track);
    }

    @Operation(summary = "Show a track", description = "Private tracks are 404 for everyone but their owner.")
    @GetMapping("/{id}")
    ResponseEntity<TrackView> get(Authentication auth, @PathVariable UUID id) {
        TrackView track = library.get(viewer(auth), id);
        return ResponseEntity.ok().eTag(etag(track)).body(track);
    }

    @Operation(summary = "A track's cover picture", description = "The picture embedded in the upload it was "
            + "saved from; same visibility as the track.")
    @ApiResponse(responseCode = "200", description = "The picture (JPEG, PNG or WebP)")
    @ApiResponse(responseCode = "404", description = "No such track for me, or it has no cover")
    @GetMapping("/{id}/cover")
    ResponseEntity<Resource> cover(Authentication auth, @PathVariable UUID id) throws IOException {
        return covers.response(library.coverOf(viewer(auth), id));
    }

    @Operation(summary = "Change a track's metadata", description = "Send If-Match with the ETag you read: a "
            + "track changed meanwhile answers 412.")
    @ApiResponse(responseCode = "412", description = "precondition-failed: changed since you read it")
    @PatchMapping("/{id}")
    ResponseEntity<TrackView> update(Authentication auth, @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody TrackDetails details) {
        TrackView track = ConcurrentChanges.retried(() -> library.update(viewer(auth), id, details,
                ETags.version(ifMatch)));
        return ResponseEntity.ok().eTag(etag(track)).body(track);
    }

    @Operation(summary = "Delete a track", description = "Its stored bytes go too when nothing else uses them; "
            + "its items leave every playlist that held it, each playlist getting a new version (ETag).")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(Authentication auth, @PathVariable UUID id) {
        // it changes the playlists that hold the track: one edited at this very moment makes it run again
        ConcurrentChanges.retried(() -> library.delete(viewer(auth), id));
        return ResponseEntity.noContent().build();
    }

    private static Viewer viewer(Authentication auth) {
        return Viewer.of(auth);
    }

    private static String etag(TrackView track) {
        return ETags.of(track.version());
    }
}
