package dev.encore.library.presentation;

import java.time.Duration;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.encore.library.PresentationLibrary;
import dev.encore.library.Viewer;
import dev.encore.platform.ProgressEvents;

/**
 * Server-sent events of one presentation's rendering: the current state first, then every change
 * (the messages its owner gets on STOMP {@code /user/queue/presentations}), closed once it is ready
 * or failed.
 */
@Tag(name = "presentations")
@RestController
class PresentationEventsController {

    private static final ProgressEvents.Kind PRESENTATIONS = new ProgressEvents.Kind(ProgressMessage.TOPIC,
            "presentation", "id", message -> !PresentationState.PROCESSING.value().equals(
                    message.path("state").asString()), Duration.ofMinutes(30));

    private final PresentationLibrary library;
    private final ProgressEvents events;

    PresentationEventsController(PresentationLibrary library, ProgressEvents events) {
        this.library = library;
        this.events = events;
    }

    @Operation(summary = "Follow a presentation's rendering (text/event-stream)", description = "Events named "
            + "'presentation' carry {id, state, progress, failureReason}; the stream ends when it is ready or failed.")
    @ApiResponse(responseCode = "404", description = "No such presentation I may see")
    @ApiResponse(responseCode = "429", description = "too-many-streams: 16 progress streams of mine open on this node")
    @GetMapping(path = "/api/v1/presentations/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(Authentication auth, @PathVariable UUID id) {
        Viewer viewer = Viewer.of(auth);
        PresentationView before = library.get(viewer, id); // 404 before anything is subscribed
        return events.follow(PRESENTATIONS, before.ownerId(), id, () -> {
            PresentationView current = library.get(viewer, id);
            return new ProgressMessage(current.id(), current.processing().state(), current.processing().progress(),
                    current.processing().failureReason());
        });
    }
}
