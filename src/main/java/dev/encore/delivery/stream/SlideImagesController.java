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
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.encore.delivery.file.FileStreamer;
import dev.encore.library.PresentationLibrary;
import dev.encore.library.Viewer;
import dev.encore.platform.spi.StreamLinks;

/**
 * A presentation's slide images (WebP) from the blob store, with ETag and conditional requests: for
 * signed-in clients, and through the signed slide URLs of a presentation's answer for {@code <img>}.
 */
@Tag(name = "presentations")
@RestController
class SlideImagesController {

    private final PresentationLibrary library;
    private final FileStreamer streamer;
    private final StreamAccess access;

    SlideImagesController(PresentationLibrary library, FileStreamer streamer, StreamAccess access) {
        this.library = library;
        this.streamer = streamer;
        this.access = access;
    }

    @Operation(summary = "A slide's image", description = "size=thumb (encore.presentation.thumb-width wide, the "
            + "default) or full (encore.presentation.full-width wide), WebP; slides are numbered from 1.")
    @ApiResponse(responseCode = "200", description = "The image (image/webp)")
    @ApiResponse(responseCode = "400", description = "size is not thumb or full")
    @ApiResponse(responseCode = "404", description = "No such presentation I may see, not ready yet, or no such slide")
    @GetMapping("/api/v1/presentations/{id}/slides/{number}")
    void slide(Authentication auth, @PathVariable UUID id, @PathVariable int number,
            @RequestParam(defaultValue = "thumb") String size, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        streamer.serve(library.slideImage(Viewer.of(auth), id, number, size), false, request, response);
    }

    @Operation(summary = "A slide's image through a signed URL", description = "For <img> elements: the slide URLs "
            + "of a presentation answer, for the user they were issued to; the account and the presentation's "
            + "visibility are checked again on every request.", security = {})
    @ApiResponse(responseCode = "200", description = "The image (image/webp)")
    @ApiResponse(responseCode = "403", description = "link-invalid: altered, not a presentation's URL, or its "
            + "account is disabled or gone")
    @ApiResponse(responseCode = "404", description = "The presentation was deleted or made private, or no such slide")
    @ApiResponse(responseCode = "410", description = "link-expired: ask for the presentation again")
    @GetMapping("/stream/presentations/{token}/slides/{number}/{size:thumb|full}.webp")
    void slideSigned(@PathVariable String token, @PathVariable int number, @PathVariable String size,
            HttpServletRequest request, HttpServletResponse response) throws IOException {
        StreamAccess.Access granted = access.check(token, StreamLinks.Target.PRESENTATION);
        streamer.serve(library.slideImage(granted.viewer(), granted.contentId(), number, size), false, request,
                response);
    }
}
