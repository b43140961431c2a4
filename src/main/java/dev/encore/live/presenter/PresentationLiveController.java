package dev.encore.live.presenter;

import java.net.URI;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.encore.library.Viewer;

@Tag(name = "presenter sessions", description = "A presentation shown live: viewers follow the presenter's slide "
        + "and pointer over STOMP on /topic/live/presentation/{sessionId} (docs/live.md)")
@RestController
@RequestMapping("/api/v1/presentations/{id}/live")
class PresentationLiveController {

    private final Presenting presenting;

    PresentationLiveController(Presenting presenting) {
        this.presenting = presenting;
    }

    @Operation(summary = "Start presenting my presentation", description = "Starts on slide 1, or answers the "
            + "session already running. The session ends when I end it or stay away from its topic longer than "
            + "encore.live.presenter-grace.")
    @ApiResponse(responseCode = "201", description = "Started; Location is this path")
    @ApiResponse(responseCode = "200", description = "A session was running already: that one")
    @ApiResponse(responseCode = "403", description = "forbidden: not my presentation")
    @ApiResponse(responseCode = "404", description = "not-found: no such presentation visible to me")
    @ApiResponse(responseCode = "409", description = "conflict: its slides are not rendered yet")
    @PostMapping
    ResponseEntity<PresenterSessionView> start(Authentication auth, @PathVariable UUID id) {
        Presenting.Started started = presenting.start(Viewer.of(auth), id);
        if (!started.created()) {
            return ResponseEntity.ok(started.session());
        }
        return ResponseEntity.created(URI.create("/api/v1/presentations/" + id + "/live")).body(started.session());
    }

    @Operation(summary = "The running presenter session", description = "For whoever may see the presentation.")
    @ApiResponse(responseCode = "404", description = "not-found: none running, or the presentation is hidden from me")
    @GetMapping
    PresenterSessionView get(Authentication auth, @PathVariable UUID id) {
        return presenting.get(Viewer.of(auth), id);
    }

    @Operation(summary = "End the presenter session", description = "Presenter or admin; viewers get an ended "
            + "message.")
    @ApiResponse(responseCode = "204", description = "Ended")
    @ApiResponse(responseCode = "403", description = "forbidden: not the presenter")
    @ApiResponse(responseCode = "404", description = "not-found: none running")
    @DeleteMapping
    ResponseEntity<Void> end(Authentication auth, @PathVariable UUID id) {
        presenting.end(Viewer.of(auth), id);
        return ResponseEntity.noContent().build();
    }
}
