package dev.encore.library.video;

import java.net.URI;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.encore.library.VideoLibrary;
import dev.encore.library.Viewer;

@Tag(name = "videos")
@RestController
@RequestMapping("/api/v1/videos/{id}/processing")
class VideoProcessingController {

    private final VideoLibrary library;

    VideoProcessingController(VideoLibrary library) {
        this.library = library;
    }

    @Operation(summary = "Cancel a video's processing", description = "Owner or admin. The job stops and keeps "
            + "nothing; the original still plays. Answers the video, now cancelled.")
    @ApiResponse(responseCode = "200", description = "Cancelled")
    @ApiResponse(responseCode = "403", description = "forbidden: not yours")
    @ApiResponse(responseCode = "404", description = "not-found: no such video for you")
    @ApiResponse(responseCode = "409", description = "conflict: not being processed")
    @DeleteMapping
    VideoView cancel(Authentication auth, @PathVariable UUID id) {
        return library.cancelProcessing(Viewer.of(auth), id);
    }

    @Operation(summary = "Process a failed or cancelled video again", description = "Owner or admin. Starts "
            + "from the beginning; follow it on /api/v1/videos/{id}/events.")
    @ApiResponse(responseCode = "202", description = "Accepted; Location names the video")
    @ApiResponse(responseCode = "403", description = "forbidden: not yours")
    @ApiResponse(responseCode = "404", description = "not-found: no such video for you")
    @ApiResponse(responseCode = "409", description = "conflict: neither failed nor cancelled")
    @PostMapping
    ResponseEntity<VideoView> reprocess(Authentication auth, @PathVariable UUID id) {
        VideoView video = library.reprocess(Viewer.of(auth), id);
        return ResponseEntity.accepted().location(URI.create("/api/v1/videos/" + id)).body(video);
    }
}
