package dev.encore.delivery;

import java.io.IOException;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.encore.library.VideoLibrary;
import dev.encore.library.Viewer;

/** Plays a video's original from the blob store, with Range (seeking) and conditional requests. */
@Tag(name = "videos")
@RestController
class VideoStreamController {

    private final VideoLibrary library;
    private final FileStreamer streamer;

    VideoStreamController(VideoLibrary library, FileStreamer streamer) {
        this.library = library;
        this.streamer = streamer;
    }

    @Operation(summary = "Stream a video", description = "The original, with Range (one range), ETag and "
            + "conditional requests; private videos are 404 for everyone but their owner.")
    @ApiResponse(responseCode = "206", description = "The requested range")
    @ApiResponse(responseCode = "416", description = "range-not-satisfiable")
    @ApiResponse(responseCode = "503", description = "storage-unavailable: the file store did not answer; see Retry-After")
    @GetMapping("/api/v1/videos/{id}/stream")
    void stream(Authentication auth, @PathVariable UUID id, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        streamer.serve(library.original(Viewer.of(auth), id), false, request, response);
    }
}
