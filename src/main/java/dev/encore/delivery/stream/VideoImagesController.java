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
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.encore.library.Viewer;
import dev.encore.platform.spi.StreamLinks;

/**
 * A processed video's pictures: poster, thumbnail and the storyboard (a WebVTT file whose cues
 * point at regions of sprite sheets, {@code storyboard/sprite-000.jpg#xywh=…}, relative to it), with
 * a token and under the signed stream URL ({@code posterUrl}, {@code thumbnailUrl},
 * {@code storyboardUrl} of a video answer) for {@code <img>} and players.
 */
@Tag(name = "videos")
@RestController
class VideoImagesController {

    private static final String NOT_FOUND = "not-found: no such video or sprite, or not yours to watch";
    private static final String NOT_READY = "video-not-ready: being processed, or processing failed or was cancelled";
    private static final String LINK_INVALID = "link-invalid: altered, not a video's URL, or its account is "
            + "disabled or gone";
    private static final String LINK_EXPIRED = "link-expired: read the video again for a new URL";
    private static final String SIGNED = " Through the signed stream URL, with no token; cached as immutable "
            + "(the storyboard's WebVTT never).";

    private final ProcessedVideoFiles files;
    private final StreamAccess access;

    VideoImagesController(ProcessedVideoFiles files, StreamAccess access) {
        this.files = files;
        this.access = access;
    }

    @Operation(summary = "A video's poster", description = "WebP, 1280 px wide (or the video's width if smaller), "
            + "from a representative frame; ETag and conditional requests.")
    @ApiResponse(responseCode = "200", description = "The poster", content = @Content(mediaType = "image/webp"))
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    @ApiResponse(responseCode = "409", description = NOT_READY)
    @GetMapping("/api/v1/videos/{id}/poster")
    void poster(Authentication auth, @PathVariable UUID id, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        files.serve(Viewer.of(auth), id, VideoFileName.poster(), false, request, response);
    }

    @Operation(summary = "A video's thumbnail", description = "WebP, 320 px wide; ETag and conditional requests.")
    @ApiResponse(responseCode = "200", description = "The thumbnail", content = @Content(mediaType = "image/webp"))
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    @ApiResponse(responseCode = "409", description = NOT_READY)
    @GetMapping("/api/v1/videos/{id}/thumbnail")
    void thumbnail(Authentication auth, @PathVariable UUID id, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        files.serve(Viewer.of(auth), id, VideoFileName.thumbnail(), false, request, response);
    }

    @Operation(summary = "A video's storyboard", description = "WebVTT: one cue per few seconds, each pointing at "
            + "a region of a sprite sheet relative to this URL (storyboard/sprite-000.jpg#xywh=x,y,w,h), for "
            + "previews on the seek bar. Never cached.")
    @ApiResponse(responseCode = "200", description = "The storyboard", content = @Content(mediaType = "text/vtt"))
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    @ApiResponse(responseCode = "409", description = NOT_READY)
    @GetMapping("/api/v1/videos/{id}/storyboard.vtt")
    void storyboard(Authentication auth, @PathVariable UUID id, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        files.serve(Viewer.of(auth), id, VideoFileName.storyboard(), false, request, response);
    }

    @Operation(summary = "A storyboard sprite sheet", description = "JPEG tiles of frames, as the storyboard's cues "
            + "name them. The name is checked before anything is looked up ([a-z0-9][a-z0-9-]*.jpg).")
    @ApiResponse(responseCode = "200", description = "The sheet", content = @Content(mediaType = "image/jpeg"))
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    @ApiResponse(responseCode = "409", description = NOT_READY)
    @GetMapping("/api/v1/videos/{id}/storyboard/{sprite}")
    void sprite(Authentication auth, @PathVariable UUID id,
            @Parameter(description = "e.g. sprite-000.jpg") @PathVariable String sprite, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        files.serve(Viewer.of(auth), id, VideoFileName.sprite(sprite), false, request, response);
    }

    @Operation(summary = "A video's poster through its signed stream URL", description = "The posterUrl of a video "
            + "answer." + SIGNED, security = {})
    @ApiResponse(responseCode = "200", description = "The poster", content = @Content(mediaType = "image/webp"))
    @ApiResponse(responseCode = "403", description = LINK_INVALID)
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    @ApiResponse(responseCode = "409", description = NOT_READY)
    @ApiResponse(responseCode = "410", description = LINK_EXPIRED)
    @GetMapping("/stream/videos/{token}/poster.webp")
    void signedPoster(@PathVariable String token, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        signed(token, VideoFileName.poster(), request, response);
    }

    @Operation(summary = "A video's thumbnail through its signed stream URL", description = "The thumbnailUrl of a "
            + "video answer." + SIGNED, security = {})
    @ApiResponse(responseCode = "200", description = "The thumbnail", content = @Content(mediaType = "image/webp"))
    @ApiResponse(responseCode = "403", description = LINK_INVALID)
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    @ApiResponse(responseCode = "409", description = NOT_READY)
    @ApiResponse(responseCode = "410", description = LINK_EXPIRED)
    @GetMapping("/stream/videos/{token}/thumbnail.webp")
    void signedThumbnail(@PathVariable String token, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        signed(token, VideoFileName.thumbnail(), request, response);
    }

    @Operation(summary = "A video's storyboard through its signed stream URL", description = "The storyboardUrl of "
            + "a video answer: its sprite URLs resolve under the same signed URL." + SIGNED, security = {})
    @ApiResponse(responseCode = "200", description = "The storyboard", content = @Content(mediaType = "text/vtt"))
    @ApiResponse(responseCode = "403", description = LINK_INVALID)
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    @ApiResponse(responseCode = "409", description = NOT_READY)
    @ApiResponse(responseCode = "410", description = LINK_EXPIRED)
    @GetMapping("/stream/videos/{token}/storyboard.vtt")
    void signedStoryboard(@PathVariable String token, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        signed(token, VideoFileName.storyboard(), request, response);
    }

    @Operation(summary = "A storyboard sprite sheet through the signed stream URL", description = "As the "
            + "storyboard's cues name it." + SIGNED, security = {})
    @ApiResponse(responseCode = "200", description = "The sheet", content = @Content(mediaType = "image/jpeg"))
    @ApiResponse(responseCode = "403", description = LINK_INVALID)
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    @ApiResponse(responseCode = "409", description = NOT_READY)
    @ApiResponse(responseCode = "410", description = LINK_EXPIRED)
    @GetMapping("/stream/videos/{token}/storyboard/{sprite}")
    void signedSprite(@PathVariable String token,
            @Parameter(description = "e.g. sprite-000.jpg") @PathVariable String sprite, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        StreamAccess.Access granted = access.check(token, StreamLinks.Target.VIDEO);
        files.serve(granted.viewer(), granted.contentId(), VideoFileName.sprite(sprite), true, request, response);
    }

    private void signed(String token, VideoFileName name, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        StreamAccess.Access granted = access.check(token, StreamLinks.Target.VIDEO);
        files.serve(granted.viewer(), granted.contentId(), name, true, request, response);
    }
}
