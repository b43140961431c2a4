package dev.encore.library.presentation;

import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import tools.jackson.databind.json.JsonMapper;

import dev.encore.library.PresentationLibrary;
import dev.encore.library.Viewer;
import dev.encore.platform.UserNotifications;

/**
 * Server-sent events of one presentation's rendering: the current state first, then every change
 * (the messages its owner gets on STOMP {@code /user/queue/presentations}), closed once it is ready
 * or failed.
 */
@Tag(name = "presentations")
@RestController
class PresentationEventsController {

    private static final Duration TIMEOUT = Duration.ofMinutes(30);

    private final PresentationLibrary library;
    private final UserNotifications notifications;
    private final JsonMapper json;

    PresentationEventsController(PresentationLibrary library, UserNotifications notifications, JsonMapper json) {
        this.library = library;
        this.notifications = notifications;
        this.json = json;
    }

    @Operation(summary = "Follow a presentation's rendering (text/event-stream)", description = "Events named "
            + "'presentation' carry {id, state, progress, failureReason}; the stream ends when it is ready or failed.")
    @ApiResponse(responseCode = "404", description = "No such presentation I may see")
    @GetMapping(path = "/api/v1/presentations/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(Authentication auth, @PathVariable UUID id) {
        Viewer viewer = Viewer.of(auth);
        PresentationView current = library.get(viewer, id); // 404 before anything is subscribed
        SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
        AtomicReference<UserNotifications.Subscription> subscription = new AtomicReference<>();
        // subscribe before reading the state again: nothing that happens in between is missed
        subscription.set(notifications.subscribe(current.ownerId(), ProgressMessage.TOPIC, message -> {
            ProgressMessage progress = json.readValue(message, ProgressMessage.class);
            if (id.equals(progress.id())) {
                send(emitter, progress, subscription.get());
            }
        }));
        Runnable unsubscribe = () -> subscription.get().close();
        emitter.onCompletion(unsubscribe);
        emitter.onTimeout(unsubscribe);
        emitter.onError(error -> unsubscribe.run());
        try {
            current = library.get(viewer, id);
        }
        catch (RuntimeException gone) {
            unsubscribe.run();
            throw gone;
        }
        send(emitter, new ProgressMessage(current.id(), current.processing().state(), current.processing().progress(),
                current.processing().failureReason()), subscription.get());
        return emitter;
    }

    private void send(SseEmitter emitter, ProgressMessage message, UserNotifications.Subscription subscription) {
        try {
            synchronized (emitter) {
                emitter.send(SseEmitter.event().name("presentation").data(json.writeValueAsString(message),
                        MediaType.APPLICATION_JSON));
                if (message.finished()) {
                    emitter.complete();
                }
            }
        }
        catch (IOException | IllegalStateException gone) {
            if (subscription != null) {
                subscription.close();
            }
        }
    }
}
