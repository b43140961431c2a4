package dev.encore.library.search;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.encore.library.Viewer;
import dev.encore.platform.PageQuery;
import dev.encore.platform.PageResponse;

@Tag(name = "search", description = "Ranked, typo-tolerant search over tracks, videos, playlists and presentations")
@RestController
class SearchController {

    /** Where the answer came from: the engine's name, or {@code database} when the engine is down. */
    static final String SOURCE_HEADER = "Encore-Search-Source";

    private final LibrarySearch search;

    SearchController(LibrarySearch search) {
        this.search = search;
    }

    @Operation(summary = "Search tracks, videos, playlists and presentations", description = "Matches title, "
            + "artist, album, tags, playlist names and what presentation slides say (type=presentation for those "
            + "only); the last word matches as a prefix (search as you type) and words of four letters or more "
            + "forgive one typo (eight or more: two; not in slide text). Only what the caller may list: their own "
            + "content and public content. When the index is unavailable the answer comes from the database "
            + "(Encore-Search-Source: database; substring matches, no ranking) while it is rebuilt.")
    @ApiResponse(responseCode = "200", description = "Best first; header Encore-Search-Source names the engine")
    @ApiResponse(responseCode = "400", description = "q empty or over 200 characters, unknown type, bad paging")
    @GetMapping("/api/v1/search")
    ResponseEntity<PageResponse<SearchResult>> search(Authentication auth, @RequestParam(required = false) String q,
            @RequestParam(required = false) String type, @RequestParam(required = false) String artist,
            @RequestParam(required = false) String album, @RequestParam(required = false) String genre,
            @RequestParam(required = false) String tag, @RequestParam(required = false) Integer yearFrom,
            @RequestParam(required = false) Integer yearTo, @Valid PageQuery page) {
        int number = page.page() == null ? 0 : page.page();
        int size = page.size() == null ? PageQuery.DEFAULT_SIZE : page.size();
        LibrarySearch.Answer answer = search.search(Viewer.of(auth), q, type,
                new SearchQuery.Filters(artist, album, genre, tag, yearFrom, yearTo), number, size);
        return ResponseEntity.ok().header(SOURCE_HEADER, answer.source())
                .body(PageResponse.from(answer.results(), result -> result));
    }

    @Operation(summary = "Rebuild the search index from the database (admin)", description = "Runs in the "
            + "background; search answers from the database until it is done. 202 also when one is running.")
    @ApiResponse(responseCode = "202", description = "Rebuild started or already running")
    @ApiResponse(responseCode = "403", description = "Not an admin")
    @PreAuthorize("hasRole('ADMIN')")
    @PostMapping("/api/v1/admin/search/reindex")
    ResponseEntity<Void> reindex() {
        search.degrade("rebuild requested");
        return ResponseEntity.status(HttpStatus.ACCEPTED).build();
    }
}
