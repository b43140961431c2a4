package dev.encore.library.play;

import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;

import org.springframework.data.domain.Sort;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.encore.library.PlayHistory;
import dev.encore.library.Viewer;
import dev.encore.platform.PageQuery;
import dev.encore.platform.PageResponse;

@Tag(name = "plays", description = "Listening history: each stream from the first byte is a play")
@RestController
class PlaysController {

    private final PlayHistory history;

    PlaysController(PlayHistory history) {
        this.history = history;
    }

    /**
     * A player's report.
     *
     * @param msListened milliseconds heard so far (capped at the track's duration)
     */
    record Progress(Long msListened) {
    }

    @Operation(summary = "My plays, latest first", description = "Sort by startedAt or msListened.")
    @GetMapping("/api/v1/plays")
    PageResponse<PlayView> mine(Authentication auth, @Valid PageQuery page) {
        return PageResponse.from(history.mine(Viewer.of(auth), page.toPageable(Set.of("startedAt", "msListened"),
                Sort.by(Sort.Direction.DESC, "startedAt"))), play -> play);
    }

    @Operation(summary = "Report how much of a play was heard", description = "The play id comes with the "
            + "stream (header Encore-Play-Id). Without reports, the time heard is estimated from the bytes sent.")
    @ApiResponse(responseCode = "404", description = "No such play of mine")
    @PutMapping("/api/v1/plays/{id}")
    PlayView report(Authentication auth, @PathVariable UUID id, @Valid @RequestBody Progress progress) {
        return history.report(Viewer.of(auth), id, progress.msListened());
    }
}
