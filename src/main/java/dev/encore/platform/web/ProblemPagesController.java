package dev.encore.platform.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.DigestUtils;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.encore.platform.EncoreProperties;
import dev.encore.platform.Problems;

/**
 * Serves the page behind every problem {@code type} URI ({@code {encore.public-url}/problems/{name}}):
 * public, cacheable HTML that says what the problem means and what to do, and the list of them all.
 */
@Tag(name = "problems", description = "What each problem type means and what to do about it")
@RestController
class ProblemPagesController {

    private static final CacheControl CACHE = CacheControl.maxAge(Duration.ofDays(1)).cachePublic();
    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    private final ProblemPages pages;
    private final String stylesheet;

    ProblemPagesController(EncoreProperties encore) throws IOException {
        this.pages = new ProblemPages(encore.publicUrl().toString().replaceAll("/+$", ""));
        this.stylesheet = new ClassPathResource("platform/problems.css").getContentAsString(StandardCharsets.UTF_8);
    }

    @Operation(summary = "List every problem type", description = "An HTML page; no sign-in needed.")
    @ApiResponse(responseCode = "200", description = "The list", content = @Content(mediaType = "text/html"))
    @GetMapping("/problems")
    ResponseEntity<String> index() {
        return cacheable(pages.index(), HTML);
    }

    @Operation(summary = "Explain a problem type", description = "The page a problem's type URI points at: what "
            + "it means and what to do. HTML; no sign-in needed.")
    @ApiResponse(responseCode = "200", description = "The page", content = @Content(mediaType = "text/html"))
    @ApiResponse(responseCode = "404", description = "not-found: no such problem type")
    @GetMapping("/problems/{name}")
    ResponseEntity<String> page(@PathVariable String name) {
        ProblemCatalogue.ProblemType type = ProblemCatalogue.find(name).orElseThrow(() -> new ErrorResponseException(
                HttpStatus.NOT_FOUND, Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found",
                        "There is no problem type of this name."), null));
        return cacheable(pages.page(type), HTML);
    }

    @Operation(summary = "The problem pages' stylesheet")
    @GetMapping("/problems/problems.css")
    ResponseEntity<String> stylesheet() {
        return cacheable(stylesheet, new MediaType("text", "css", StandardCharsets.UTF_8));
    }

    /** The body with a strong ETag of its content (Spring answers If-None-Match with 304 from it). */
    private static ResponseEntity<String> cacheable(String body, MediaType type) {
        String etag = "\"" + DigestUtils.md5DigestAsHex(body.getBytes(StandardCharsets.UTF_8)) + "\"";
        return ResponseEntity.ok().contentType(type).cacheControl(CACHE).eTag(etag).body(body);
    }
}
