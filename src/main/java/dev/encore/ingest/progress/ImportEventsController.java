package dev.encore.ingest.progress;

import java.time.Duration;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.encore.ingest.imports.ImportStatus;
import dev.encore.ingest.imports.ImportView;
import dev.encore.ingest.request.ImportRequests;
import dev.encore.platform.ProgressEvents;

/**
 * Server-sent events of one import: the current state first, then every change (the same
 * messages as STOMP {@code /user/queue/imports}), closed after the final status.
 */
@Tag(name = "imports")
@RestController
class ImportEventsController {

    private static final ProgressEvents.Kind IMPORTS = new ProgressEvents.Kind(ImportProgressMessage.TOPIC, "import",
            "importId", message -> ImportStatus.valueOf(message.path("status").asString()).finished(),
            Duration.ofMinutes(30));

    private final ImportRequests requests;
    private final ProgressEvents events;

    ImportEventsController(ImportRequests requests, ProgressEvents events) {
        this.requests = requests;
        this.events = events;
    }

    @Operation(summary = "Follow an import's progress (text/event-stream)",
            description = "Events named 'import' carry {importId, status, progress, phase, item?}.")
    @ApiResponse(responseCode = "429", description = "too-many-streams: 16 progress streams of mine open on this node")
    @GetMapping(path = "/api/v1/imports/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
        UUID owner = UUID.fromString(jwt.getSubject());
        return events.follow(IMPORTS, owner, id, () -> {
            ImportView current = requests.get(owner, id); // 404: not theirs or no such import
            return new ImportProgressMessage(current.id(), current.status(), current.progress(), current.phase(),
                    null);
        });
    }
}
