package dev.encore.delivery.stream;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.encore.library.VideoLibrary;
import dev.encore.library.Viewer;
import dev.encore.platform.spi.DeliverableFiles.DeliverableFile;
import dev.encore.platform.spi.StreamLinks;
import dev.encore.delivery.file.DeliveryCounts;

/**
 * A processed video as HLS: for a signed-in client, the master playlist with every URI made an
 * absolute signed stream URL; under a signed stream URL ({@code /stream/videos/{token}/hls/…}),
 * the stored playlists as they are, whose relative URIs resolve under the same token, and their
 * init and media segments. Any player opens either without sending a token.
 */
@Tag(name = "videos")
@RestController
class HlsController {

    private final ProcessedVideoFiles files;
    private final SignedPlaylists playlists;
    private final VideoLibrary library;
    private final StreamUrls urls;
    private final StreamAccess access;
    private final DeliveryCounts counts;

    HlsController(ProcessedVideoFiles files, SignedPlaylists playlists, VideoLibrary library, StreamUrls urls,
            StreamAccess access, DeliveryCounts counts) {
        this.files = files;
        this.playlists = playlists;
        this.library = library;
        this.urls = urls;
        this.access = access;
        this.counts = counts;
    }

    @Operation(summary = "A video's HLS master playlist", description = "The master playlist of the processed "
            + "video (one variant per rendition of the ladder, then the audio-only one), every URI an absolute "
            + "signed stream URL for the caller, so a player fetches variants and segments without a token. The "
            + "URLs expire with the video's streamUrl (streamUrlExpiresAt): fetch the master again after that. "
            + "Never cached (Cache-Control: no-store). Private videos are 404 for everyone but their owner.")
    @ApiResponse(responseCode = "200", description = "The master playlist",
            content = @Content(mediaType = VideoFileName.PLAYLIST_TYPE))
    @ApiResponse(responseCode = "404", description = "not-found: no such video, or not yours to watch")
    @ApiResponse(responseCode = "409", description = "video-not-ready: being processed, or processing failed or was "
            + "cancelled; the original plays meanwhile (streamUrl)")
    @ApiResponse(responseCode = "503", description = "storage-unavailable: the file store did not answer")
    @GetMapping("/api/v1/videos/{id}/hls/master.m3u8")
    void master(Authentication auth, @PathVariable UUID id, HttpServletResponse response) throws IOException {
        Viewer viewer = Viewer.of(auth);
        DeliverableFile master = files.file(viewer, id, VideoFileName.master());
        DeliverableFile original = library.original(viewer, id);
        Long durationMs = original.durationMs();
        String base = urls.issue(StreamLinks.Target.VIDEO, id, viewer.userId(), durationMs == null ? 0 : durationMs)
                .url() + "/hls/";
        byte[] body = SignedPlaylists.absolute(playlists.read(master), URI.create(base))
                .getBytes(StandardCharsets.UTF_8);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(VideoFileName.PLAYLIST_TYPE);
        response.setHeader(HttpHeaders.CACHE_CONTROL, VideoFileName.NO_STORE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        counts.watched(original, viewer.userId());
    }

    @Operation(summary = "A video's HLS master playlist through its signed stream URL", description = "The "
            + "stored master as it is: its URIs are relative, so variants resolve under the same signed URL "
            + "(streamUrl + /hls/master.m3u8 is the hlsUrl of a video answer). For hls.js, Safari, VLC and ffplay, "
            + "with no token. Never cached.", security = {})
    @ApiResponse(responseCode = "200", description = "The master playlist",
            content = @Content(mediaType = VideoFileName.PLAYLIST_TYPE))
    @ApiResponse(responseCode = "403", description = "link-invalid: altered, not a video's URL, or its account is "
            + "disabled or gone")
    @ApiResponse(responseCode = "404", description = "not-found: the video was deleted or made private")
    @ApiResponse(responseCode = "409", description = "video-not-ready: being processed, or processing failed or was "
            + "cancelled; the original plays meanwhile")
    @ApiResponse(responseCode = "410", description = "link-expired: read the video again for a new URL")
    @GetMapping("/stream/videos/{token}/hls/master.m3u8")
    void signedMaster(@PathVariable String token, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        StreamAccess.Access granted = access.check(token, StreamLinks.Target.VIDEO);
        if (files.serve(granted.viewer(), granted.contentId(), VideoFileName.master(), true, request, response)
                .body()) {
            counts.watched(library.original(granted.viewer(), granted.contentId()), granted.viewer().userId());
        }
    }

    @Operation(summary = "A rendition's playlist or segment through the signed stream URL", description = "A "
            + "variant playlist (index.m3u8, never cached), its init segment (init.mp4) or a media segment "
            + "(seg-NNNNN.m4s), both video/mp4, cached as immutable (Cache-Control: private, max-age=31536000, "
            + "immutable), with Range and conditional requests. Names are checked before anything is looked up: "
            + "a rendition is [a-z0-9][a-z0-9-]*, a file ends in .m3u8, .mp4 or .m4s.", security = {})
    @ApiResponse(responseCode = "206", description = "The requested range")
    @ApiResponse(responseCode = "403", description = "link-invalid: altered, not a video's URL, or its account is "
            + "disabled or gone")
    @ApiResponse(responseCode = "404", description = "not-found: no such rendition or file, or the video was deleted "
            + "or made private")
    @ApiResponse(responseCode = "409", description = "video-not-ready: being processed, or processing failed or was "
            + "cancelled")
    @ApiResponse(responseCode = "410", description = "link-expired: read the video again for a new URL")
    @ApiResponse(responseCode = "416", description = "range-not-satisfiable")
    @GetMapping("/stream/videos/{token}/hls/{rendition}/{file}")
    void signedRendition(@PathVariable String token,
            @Parameter(description = "e.g. 720p or audio") @PathVariable String rendition,
            @Parameter(description = "index.m3u8, init.mp4 or seg-00001.m4s") @PathVariable String file,
            HttpServletRequest request, HttpServletResponse response) throws IOException {
        StreamAccess.Access granted = access.check(token, StreamLinks.Target.VIDEO);
        files.serve(granted.viewer(), granted.contentId(), VideoFileName.hls(rendition, file), true, request,
                response);
    }
}
