package dev.encore.ingest.progress;

import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.encore.ingest.imports.ImportStatus;
import dev.encore.ingest.imports.ImportView;
import dev.encore.ingest.request.ImportRequests;
import dev.encore.platform.UserNotifications;

/**
 * Server-sent events of one import: the current state first, then every change (the same
 * messages as STOMP {@code /user/queue/imports}), closed after the final status.
 */
@Tag(name = "imports")
@RestController
class ImportEventsController {

    private static final Duration TIMEOUT = Duration.ofMinutes(30);

    private final ImportRequests requests;
    private final UserNotifications notifications;
    private final JsonMapper json;

    ImportEventsController(ImportRequests requests, UserNotifications notifications, JsonMapper json) {
        this.requests = requests;
        this.notifications = notifications;
        this.json = json;
    }

    @Operation(summary = "Follow an import's progress (text/event-stream)",
            description = "Events named 'import' carry {importId, status, progress, phase, item?}.")
    @GetMapping(path = "/api/v1/imports/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) throws IOException {
        UUID owner = UUID.fromString(jwt.getSubject());
        SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
        AtomicReference<UserNotifications.Subscription> subscription = new AtomicReference<>();
        // subscribe before reading the state: nothing that happens in between is missed
        subscription.set(notifications.subscribe(owner, ImportProgressMessage.TOPIC, message -> {
            JsonNode node = json.readTree(message);
            if (id.toString().equals(node.path("importId").asString())) {
                send(emitter, message, subscription.get());
                if (ImportStatus.valueOf(node.path("status").asString()).finished()) {
                    emitter.complete();
                }
            }
        }));
        Runnable unsubscribe = () -> subscription.get().close();
        emitter.onCompletion(unsubscribe);
        emitter.onTimeout(unsubscribe);
        emitter.onError(error -> unsubscribe.run());
        ImportView current;
        try {
            current = requests.get(owner, id);
        }
        catch (RuntimeException notFound) {
            unsubscribe.run();
            throw notFound;
        }
        send(emitter, json.writeValueAsString(new ImportProgressMessage(current.id(), current.status(),
                current.progress(), current.phase(), null)), subscription.get());
        if (ImportStatus.valueOf(current.status()).finished()) {
            emitter.complete();
        }
        return emitter;
    }

    private static void send(SseEmitter emitter, String message, UserNotifications.Subscription subscription) {
        try {
            synchronized (emitter) {
                emitter.send(SseEmitter.event().name("import").data(message, MediaType.APPLICATION_JSON));
            }
        }
        catch (IOException | IllegalStateException gone) {
            if (subscription != null) {
                subscription.close();
            }
        }
    }
}
