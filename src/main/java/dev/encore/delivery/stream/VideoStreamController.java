package dev.encore.delivery.stream;

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
import dev.encore.platform.spi.StreamLinks;
import dev.encore.platform.spi.DeliverableFiles.DeliverableFile;
import dev.encore.delivery.file.DeliveryCounts;
import dev.encore.delivery.file.FileStreamer;

/**
 * Plays a video's original from the blob store, with Range (seeking) and conditional requests: for
 * signed-in clients, and through the signed {@code streamUrl} of a video's answer for
 * {@code <video>} elements.
 */
@Tag(name = "videos")
@RestController
class VideoStreamController {

    private final VideoLibrary library;
    private final FileStreamer streamer;
    private final StreamAccess access;
    private final DeliveryCounts counts;

    VideoStreamController(VideoLibrary library, FileStreamer streamer, StreamAccess access, DeliveryCounts counts) {
        this.library = library;
        this.streamer = streamer;
        this.access = access;
        this.counts = counts;
    }

    @Operation(summary = "Stream a video", description = "The original, with Range (one range), ETag and "
            + "conditional requests; private videos are 404 for everyone but their owner. A GET from the first byte "
            + "counts as a viewing (insights).")
    @ApiResponse(responseCode = "206", description = "The requested range")
    @ApiResponse(responseCode = "416", description = "range-not-satisfiable")
    @ApiResponse(responseCode = "503", description = "storage-unavailable: the file store did not answer; see Retry-After")
    @GetMapping("/api/v1/videos/{id}/stream")
    void stream(Authentication auth, @PathVariable UUID id, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Viewer viewer = Viewer.of(auth);
        watch(viewer, library.original(viewer, id), request, response);
    }

    @Operation(summary = "Stream a video through its signed stream URL", description = "For <video> elements: the "
            + "streamUrl of a video answer, for the user it was issued to, with Range and conditional requests; the "
            + "account and the video's visibility are checked again on every request.", security = {})
    @ApiResponse(responseCode = "206", description = "The requested range")
    @ApiResponse(responseCode = "403", description = "link-invalid: altered, not a video's URL, or its account is "
            + "disabled or gone")
    @ApiResponse(responseCode = "404", description = "The video was deleted or made private")
    @ApiResponse(responseCode = "410", description = "link-expired: ask for the video again")
    @ApiResponse(responseCode = "416", description = "range-not-satisfiable")
    @GetMapping("/stream/videos/{token}")
    void streamSigned(@PathVariable String token, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        StreamAccess.Access granted = access.check(token, StreamLinks.Target.VIDEO);
        watch(granted.viewer(), library.original(granted.viewer(), granted.contentId()), request, response);
    }

    /** Streams the original; a GET from its first byte that sends a body starts a viewing. */
    private void watch(Viewer viewer, DeliverableFile original, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        boolean starts = PlayStarts.startsPlay(request);
        if (streamer.serve(original, false, request, response).body() && starts) {
            counts.watched(original, viewer.userId());
        }
    }
}
