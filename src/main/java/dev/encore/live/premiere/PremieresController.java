package dev.encore.live.premiere;

import java.net.URI;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;

import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.encore.library.Viewer;
import dev.encore.platform.PageQuery;
import dev.encore.platform.PageResponse;

@Tag(name = "premieres", description = "Scheduled premieres of ready videos, played to everyone at once; "
        + "live state over STOMP on /topic/live/premiere/{id} (docs/live.md)")
@RestController
@RequestMapping("/api/v1/premieres")
class PremieresController {

    private static final Set<String> SORTABLE = Set.of("startsAt", "createdAt");

    private final PremierePlanner planner;

    PremieresController(PremierePlanner planner) {
        this.planner = planner;
    }

    @Operation(summary = "Schedule a premiere of one of my ready videos", description = "startsAt in the future, "
            + "within a year; endsAt optional, not before startsAt plus the video's length nor more than 24 "
            + "hours after it (none: it ends with the video). Title defaults to the video's.")
    @ApiResponse(responseCode = "201", description = "Scheduled; Location names the premiere")
    @ApiResponse(responseCode = "400", description = "validation-failed: videoId missing, startsAt past or more "
            + "than a year ahead, endsAt too early, more than a day after the video ends or past the year 9999, title or description too long")
    @ApiResponse(responseCode = "403", description = "forbidden: not my video")
    @ApiResponse(responseCode = "404", description = "not-found: no such video visible to me")
    @ApiResponse(responseCode = "409", description = "video-not-ready: still processing (or failed); conflict: "
            + "the video has a premiere ahead already")
    @PostMapping
    ResponseEntity<PremiereView> create(Authentication auth, @Valid @RequestBody PremiereRequest request) {
        PremiereView premiere = planner.create(Viewer.of(auth), request);
        return ResponseEntity.created(URI.create("/api/v1/premieres/" + premiere.id())).body(premiere);
    }

    @Operation(summary = "Upcoming and live premieres", description = "Of videos listed to me (public ones, mine; "
            + "admins: all), soonest first, each with serverTime and startsInMs for a countdown.")
    @GetMapping
    PageResponse<PremiereView> upcoming(Authentication auth, @Valid PageQuery page) {
        return PageResponse.from(planner.upcoming(Viewer.of(auth), page.toPageable(Set.of(), Sort.unsorted())),
                premiere -> premiere);
    }

    @Operation(summary = "My premieres", description = "All states; sort by startsAt (default, newest first) or "
            + "createdAt.")
    @GetMapping("/mine")
    PageResponse<PremiereView> mine(Authentication auth, @Valid PageQuery page) {
        return PageResponse.from(planner.mine(Viewer.of(auth),
                page.toPageable(SORTABLE, Sort.by(Sort.Direction.DESC, "startsAt"))), premiere -> premiere);
    }

    @Operation(summary = "Show a premiere", description = "For whoever may see its video: state at serverTime, "
            + "the live position and playback state while live, viewer count and peak, the video's signed HLS URL.")
    @ApiResponse(responseCode = "404", description = "not-found: no such premiere, or its video is hidden from me")
    @GetMapping("/{id}")
    PremiereView get(Authentication auth, @PathVariable UUID id) {
        return planner.get(Viewer.of(auth), id);
    }

    @Operation(summary = "Change a premiere before it starts", description = "Fields left out stay; the start "
            + "and end jobs are scheduled anew. The video cannot change.")
    @ApiResponse(responseCode = "400", description = "validation-failed: times break the rules, or videoId differs")
    @ApiResponse(responseCode = "403", description = "forbidden: not my premiere")
    @ApiResponse(responseCode = "409", description = "conflict: it has started")
    @PatchMapping("/{id}")
    PremiereView update(Authentication auth, @PathVariable UUID id, @Valid @RequestBody PremiereRequest request) {
        return planner.update(Viewer.of(auth), id, request);
    }

    @Operation(summary = "Cancel (delete) a premiere", description = "Owner or admin, in any state; viewers get a "
            + "state message cancelled. The video stays.")
    @ApiResponse(responseCode = "204", description = "Cancelled")
    @ApiResponse(responseCode = "403", description = "forbidden: not my premiere")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> cancel(Authentication auth, @PathVariable UUID id) {
        planner.cancel(Viewer.of(auth), id);
        return ResponseEntity.noContent().build();
    }
}
