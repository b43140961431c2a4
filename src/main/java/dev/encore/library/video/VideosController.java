package dev.encore.library.video;

import java.net.URI;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;

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

import dev.encore.library.VideoLibrary;
import dev.encore.library.Viewer;
import dev.encore.library.Visibility;
import dev.encore.library.content.ContentFilters;
import dev.encore.library.content.ETags;
import dev.encore.platform.ConcurrentChanges;
import dev.encore.platform.PageQuery;
import dev.encore.platform.PageResponse;
import dev.encore.platform.StorableInstant;

@Tag(name = "videos", description = "Video in the library: saved uploads and imports, metadata, visibility")
@RestController
@RequestMapping("/api/v1/videos")
class VideosController {

    private static final Set<String> SORTABLE = Set.of("title", "createdAt", "durationMs");

    private final VideoLibrary library;

    VideosController(VideoLibrary library) {
        this.library = library;
    }

    @Operation(summary = "Save a video upload or a finished video import", description = "Name uploadId or fileId. "
            + "Title defaults to the file name.")
    @ApiResponse(responseCode = "201", description = "Created; Location names the video")
    @ApiResponse(responseCode = "400", description = "Not a video, shorter than a second, or invalid fields")
    @ApiResponse(responseCode = "403", description = "featured is for admins")
    @ApiResponse(responseCode = "404", description = "No such live upload or file of mine")
    @PostMapping
    ResponseEntity<VideoView> create(Authentication auth, @Valid @RequestBody VideoDetails details) {
        VideoView video = library.create(Viewer.of(auth), details);
        return ResponseEntity.created(URI.create("/api/v1/videos/" + video.id())).eTag(ETags.of(video.version()))
                .body(video);
    }

    @Operation(summary = "List videos I may see", description = "Mine and everyone's public ones (admins: all). "
            + "Sort by title, createdAt or durationMs.")
    @GetMapping
    PageResponse<VideoView> list(Authentication auth, @RequestParam(required = false) String tag,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @StorableInstant Instant createdFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @StorableInstant Instant createdTo,
            @RequestParam(required = false) Visibility visibility, @RequestParam(required = false) UUID owner,
            @Valid PageQuery page) {
        VideoFilter filter = new VideoFilter(new ContentFilters(tag, category, createdFrom, createdTo, visibility, owner));
        return PageResponse.from(library.list(Viewer.of(auth), filter,
                page.toPageable(SORTABLE, Sort.by(Sort.Direction.DESC, "createdAt"))), video -> video);
    }

    @Operation(summary = "Show a video", description = "Private videos are 404 for everyone but their owner.")
    @GetMapping("/{id}")
    ResponseEntity<VideoView> get(Authentication auth, @PathVariable UUID id) {
        VideoView video = library.get(Viewer.of(auth), id);
        return ResponseEntity.ok().eTag(ETags.of(video.version())).body(video);
    }

    @Operation(summary = "Change a video's metadata", description = "Send If-Match with the ETag you read: a "
            + "video changed meanwhile answers 412.")
    @ApiResponse(responseCode = "412", description = "precondition-failed: changed since you read it")
    @PatchMapping("/{id}")
    ResponseEntity<VideoView> update(Authentication auth, @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody VideoDetails details) {
        VideoView video = ConcurrentChanges.retried(() -> library.update(Viewer.of(auth), id, details,
                ETags.version(ifMatch)));
        return ResponseEntity.ok().eTag(ETags.of(video.version())).body(video);
    }

    @Operation(summary = "Delete a video", description = "Its stored bytes go too when nothing else uses them.")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(Authentication auth, @PathVariable UUID id) {
        // a change of the video at this very moment (an edit, another delete) makes it run again
        ConcurrentChanges.retried(() -> library.delete(Viewer.of(auth), id));
        return ResponseEntity.noContent().build();
    }
}
