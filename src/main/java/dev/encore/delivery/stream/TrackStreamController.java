package dev.encore.delivery.stream;

import java.io.IOException;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.encore.library.PlayHistory;
import dev.encore.library.TrackLibrary;
import dev.encore.library.Viewer;
import dev.encore.platform.spi.DeliverableFiles.DeliverableFile;
import dev.encore.platform.InvalidFieldsException;
import dev.encore.platform.spi.StreamLinks;
import dev.encore.delivery.file.DeliverableCatalog;
import dev.encore.delivery.file.FileStreamer;
import dev.encore.delivery.rendition.Rendition;
import dev.encore.delivery.rendition.RenditionFormat;
import dev.encore.delivery.rendition.RenditionKey;
import dev.encore.delivery.rendition.Renditions;

/**
 * Plays a track: the original, or a transcoded rendition, both stored blobs with an exact length,
 * Range and conditional requests. A request from the first byte starts a play. Signed-in clients
 * use {@code /api/v1/tracks/{id}/stream}; media elements, which cannot send a token, use the signed
 * {@code streamUrl} of the track's answer ({@code /stream/tracks/{token}}), served the same way for
 * the user it was issued to.
 */
@Tag(name = "tracks")
@RestController
class TrackStreamController {

    /** The play this stream started, for players that report progress (PUT /api/v1/plays/{id}). */
    static final String PLAY_HEADER = "Encore-Play-Id";

    private final TrackLibrary library;
    private final PlayHistory plays;
    private final Renditions renditions;
    private final FileStreamer streamer;
    private final StreamAccess access;

    TrackStreamController(TrackLibrary library, PlayHistory plays, Renditions renditions, FileStreamer streamer,
            StreamAccess access) {
        this.library = library;
        this.plays = plays;
        this.renditions = renditions;
        this.streamer = streamer;
        this.access = access;
    }

    @Operation(summary = "Stream a track", description = "The original, or with format (mp3, opus, aac) and/or "
            + "bitrate (64, 96, 128, 160, 192, 256 or 320 kbit/s; opus at most 256 per channel of the source, so a mono "
            + "track's opus 320 is made at 256) a rendition transcoded once and cached: even the first answer has an exact "
            + "Content-Length and honours Range. ETag and conditional requests on both. A GET from the first byte "
            + "records a play (header Encore-Play-Id). Private tracks are 404 for everyone but their owner.")
    @ApiResponse(responseCode = "206", description = "The requested range")
    @ApiResponse(responseCode = "400", description = "Unknown format or bitrate out of range")
    @ApiResponse(responseCode = "416", description = "range-not-satisfiable")
    @ApiResponse(responseCode = "422", description = "transcode-failed: this track cannot be converted to the format")
    @ApiResponse(responseCode = "507", description = "insufficient-storage: no room on the server's disk for the "
            + "rendition above its reserve (encore.storage.min-free-space); try again once there is")
    @ApiResponse(responseCode = "503", description = "rendition-pending (being made: ask again after Retry-After), "
            + "transcoder-busy, or storage-unavailable (the file store did not answer); see Retry-After")
    @GetMapping("/api/v1/tracks/{id}/stream")
    void stream(Authentication auth, @PathVariable UUID id,
            @Parameter(description = "mp3, opus or aac") @RequestParam(required = false) String format,
            @Parameter(description = "kbit/s: 64, 96, 128, 160, 192, 256 or 320") @RequestParam(required = false) Integer bitrate,
            HttpServletRequest request, HttpServletResponse response) throws IOException {
        Viewer viewer = Viewer.of(auth);
        play(viewer, library.original(viewer, id), format, bitrate, request, response);
    }

    @Operation(summary = "Stream a track through its signed stream URL", description = "For <audio> elements and "
            + "players that cannot send a token: the streamUrl of a track answer, for the user it was issued to. "
            + "The same answers as /api/v1/tracks/{id}/stream (format, bitrate, Range, conditional requests, plays); "
            + "the account and the track's visibility are checked again on every request. A listening room lends its "
            + "members the tracks it plays while they are members.", security = {})
    @ApiResponse(responseCode = "206", description = "The requested range")
    @ApiResponse(responseCode = "400", description = "Unknown format or bitrate out of range")
    @ApiResponse(responseCode = "403", description = "link-invalid: altered, not a track's URL, its account is "
            + "disabled or gone, or it was lent by a listening room its user has left")
    @ApiResponse(responseCode = "404", description = "The track was deleted or made private")
    @ApiResponse(responseCode = "410", description = "link-expired: ask for the track again")
    @ApiResponse(responseCode = "416", description = "range-not-satisfiable")
    @GetMapping("/stream/tracks/{token}")
    void streamSigned(@PathVariable String token,
            @Parameter(description = "mp3, opus or aac") @RequestParam(required = false) String format,
            @Parameter(description = "kbit/s: 64, 96, 128, 160, 192, 256 or 320") @RequestParam(required = false) Integer bitrate,
            HttpServletRequest request, HttpServletResponse response) throws IOException {
        StreamAccess.Access granted = access.check(token, StreamLinks.Target.TRACK);
        play(granted.viewer(), access.track(granted), format, bitrate, request, response);
    }

    private void play(Viewer viewer, DeliverableFile original, String format, Integer bitrate,
            HttpServletRequest request, HttpServletResponse response) throws IOException {
        UUID id = original.id();
        RenditionKey key = format == null && bitrate == null ? null : renditionKey(original, format, bitrate);
        UUID play = PlayStarts.startsPlay(request) ? UUID.randomUUID() : null;
        if (play != null) {
            response.setHeader(PLAY_HEADER, play.toString()); // before the body: headers go first
        }
        FileStreamer.Sent sent = key == null ? streamer.serve(original, false, request, response)
                : streamRendition(original, key, request, response);
        if (play != null && sent.body()) { // a 304, 412 or 416 is not a play
            long heard = sent.counted() && sent.length() > 0
                    ? Math.round((double) sent.bytesSent() / sent.length() * original.durationMs()) : 0;
            plays.record(viewer, id, play, heard);
        }
    }

    /** A rendition, made again once if its blob turns out to be gone when it is served. */
    private FileStreamer.Sent streamRendition(DeliverableFile original, RenditionKey key, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        Rendition rendition = renditions.of(key);
        try {
            return streamer.serve(servable(original, key, rendition), false, request, response);
        }
        catch (DeliverableCatalog.NotFound lost) {
            renditions.lost(key, rendition);
            return streamer.serve(servable(original, key, renditions.of(key)), false, request, response);
        }
    }

    private static RenditionKey renditionKey(DeliverableFile original, String formatName, Integer bitrate) {
        RenditionFormat format = formatName == null ? RenditionFormat.MP3 : RenditionFormat.of(formatName)
                .orElseThrow(() -> InvalidFieldsException.of("format", "must be mp3, opus or aac"));
        if (bitrate != null && !RenditionFormat.BITRATES.contains(bitrate)) {
            throw InvalidFieldsException.of("bitrate", "must be one of " + RenditionFormat.BITRATES.stream()
                    .map(String::valueOf).collect(java.util.stream.Collectors.joining(", ")));
        }
        return new RenditionKey(original.sha256(), format, bitrate == null ? format.defaultBitrate() : bitrate);
    }

    /** A rendition as served: its own bytes' address as ETag, the time it was made as Last-Modified. */
    private static FileStreamer.Servable servable(DeliverableFile original, RenditionKey key, Rendition rendition) {
        String base = original.filename().replaceFirst("\\.[^.]*$", "");
        return new FileStreamer.Servable(rendition.sha256(), rendition.size(), "\"" + rendition.sha256() + "\"",
                rendition.createdAt().toEpochMilli(), key.format().mimeType(), base + "." + key.format().extension());
    }
}
