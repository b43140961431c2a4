package dev.encore.library.presentation;

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

import dev.encore.library.PresentationLibrary;
import dev.encore.library.Viewer;
import dev.encore.library.Visibility;
import dev.encore.library.content.ContentFilters;
import dev.encore.library.content.ETags;
import dev.encore.platform.ConcurrentChanges;
import dev.encore.platform.PageQuery;
import dev.encore.platform.PageResponse;
import dev.encore.platform.StorableInstant;

@Tag(name = "presentations", description = "PDF presentations in the library: slides rendered from an upload, "
        + "their text, metadata and visibility")
@RestController
@RequestMapping("/api/v1/presentations")
class PresentationsController {

    private static final Set<String> SORTABLE = Set.of("title", "createdAt");

    private final PresentationLibrary library;

    PresentationsController(PresentationLibrary library) {
        this.library = library;
    }

    @Operation(summary = "Make a presentation from a PDF upload", description = "The whole PDF is checked first: "
            + "an encrypted, damaged or too long one (encore.presentation.max-pages), or one with a page that would "
            + "render to a huge image, is refused and nothing is saved. Then its slides are rendered by a job: "
            + "processing.state goes from processing to ready (or failed, with a reason), processing.progress "
            + "from 0 to 100; the owner also gets it live on STOMP /user/queue/presentations. Title defaults to "
            + "the file name.")
    @ApiResponse(responseCode = "201", description = "Created, state processing; Location names the presentation")
    @ApiResponse(responseCode = "400", description = "Not a PDF upload, or invalid fields")
    @ApiResponse(responseCode = "403", description = "featured is for admins")
    @ApiResponse(responseCode = "404", description = "No such live upload of mine")
    @ApiResponse(responseCode = "422", description = "pdf-encrypted, pdf-malformed, pdf-too-many-pages or "
            + "pdf-page-too-large; the upload stays unused")
    @PostMapping
    ResponseEntity<PresentationView> create(Authentication auth, @Valid @RequestBody PresentationDetails details) {
        PresentationView presentation = library.create(Viewer.of(auth), details);
        return ResponseEntity.created(URI.create("/api/v1/presentations/" + presentation.id()))
                .eTag(ETags.of(presentation.version())).body(presentation);
    }

    @Operation(summary = "List presentations I may see", description = "Mine and everyone's public ones (admins: "
            + "all). Sort by title or createdAt.")
    @GetMapping
    PageResponse<PresentationView> list(Authentication auth, @RequestParam(required = false) String tag,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @StorableInstant Instant createdFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @StorableInstant Instant createdTo,
            @RequestParam(required = false) Visibility visibility, @RequestParam(required = false) UUID owner,
            @Valid PageQuery page) {
        PresentationFilter filter = new PresentationFilter(new ContentFilters(tag, category, createdFrom, createdTo,
                visibility, owner));
        return PageResponse.from(library.list(Viewer.of(auth), filter,
                page.toPageable(SORTABLE, Sort.by(Sort.Direction.DESC, "createdAt"))), presentation -> presentation);
    }

    @Operation(summary = "Show a presentation", description = "Private presentations are 404 for everyone but "
            + "their owner. processing tells where rendering stands.")
    @GetMapping("/{id}")
    ResponseEntity<PresentationView> get(Authentication auth, @PathVariable UUID id) {
        PresentationView presentation = library.get(Viewer.of(auth), id);
        return ResponseEntity.ok().eTag(ETags.of(presentation.version())).body(presentation);
    }

    @Operation(summary = "List a presentation's slides", description = "How many, and each one's size, text and "
            + "signed image URLs (for <img src>, no Authorization header needed); empty until it is ready.")
    @ApiResponse(responseCode = "404", description = "No such presentation I may see")
    @GetMapping("/{id}/slides")
    SlidesView slides(Authentication auth, @PathVariable UUID id) {
        return library.slides(Viewer.of(auth), id);
    }

    @Operation(summary = "Change a presentation's metadata", description = "Send If-Match with the ETag you read: "
            + "a presentation changed meanwhile answers 412.")
    @ApiResponse(responseCode = "412", description = "precondition-failed: changed since you read it")
    @PatchMapping("/{id}")
    ResponseEntity<PresentationView> update(Authentication auth, @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody PresentationDetails details) {
        PresentationView presentation = ConcurrentChanges.retried(() -> library.update(Viewer.of(auth), id, details,
                ETags.version(ifMatch)));
        return ResponseEntity.ok().eTag(ETags.of(presentation.version())).body(presentation);
    }

    @Operation(summary = "Delete a presentation", description = "Its PDF and slide images go too when nothing else "
            + "uses them; a rendering job still running stops.")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(Authentication auth, @PathVariable UUID id) {
        // a change of the presentation at this very moment (an edit, another delete) makes it run again
        ConcurrentChanges.retried(() -> library.delete(Viewer.of(auth), id));
        return ResponseEntity.noContent().build();
    }
}
