package dev.encore.library.browse;

import java.util.Locale;

import jakarta.validation.Valid;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.encore.library.Viewer;
import dev.encore.platform.InvalidFieldsException;
import dev.encore.platform.PageQuery;
import dev.encore.platform.PageResponse;

/**
 * Browsing the library by artist, album and genre, counting only the tracks the caller may list
 * (their own and public ones). Each is one grouped query over an indexed column.
 */
@Tag(name = "tracks")
@RestController
@Transactional(readOnly = true)
class BrowseController {

    private final BrowseQueries browse;

    BrowseController(BrowseQueries browse) {
        this.browse = browse;
    }

    @Operation(summary = "Artists with their number of tracks", description = "By name.")
    @GetMapping("/api/v1/artists")
    PageResponse<BrowseEntry> artists(Authentication auth, @Valid PageQuery page) {
        Viewer viewer = Viewer.of(auth);
        return PageResponse.from(browse.artists(viewer, unsorted(page)), entry -> entry);
    }

    @Operation(summary = "Albums with their artist and number of tracks", description = "By album name; "
            + "artist narrows to one artist's albums (any case).")
    @GetMapping("/api/v1/albums")
    PageResponse<BrowseEntry> albums(Authentication auth, @RequestParam(required = false) String artist,
            @Valid PageQuery page) {
        Viewer viewer = Viewer.of(auth);
        return PageResponse.from(browse.albums(viewer,
                artist == null ? null : artist.strip().toLowerCase(Locale.ROOT), unsorted(page)), entry -> entry);
    }

    @Operation(summary = "Genres with their number of tracks", description = "By name.")
    @GetMapping("/api/v1/genres")
    PageResponse<BrowseEntry> genres(Authentication auth, @Valid PageQuery page) {
        Viewer viewer = Viewer.of(auth);
        return PageResponse.from(browse.genres(viewer, unsorted(page)), entry -> entry);
    }

    /** The order is the grouping's own (by name); a sort parameter would contradict it. */
    private static Pageable unsorted(PageQuery page) {
        if (page.sort() != null && !page.sort().isEmpty()) {
            throw InvalidFieldsException.of("sort", "these lists are always by name");
        }
        return PageRequest.of(page.page() == null ? 0 : page.page(),
                page.size() == null ? PageQuery.DEFAULT_SIZE : page.size());
    }
}
