package dev.encore.library.video;

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
import io.swagger.v3.oas.annotations.tags.Tag;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.encore.library.VideoLibrary;
import dev.encore.library.Viewer;
import dev.encore.library.video.processing.VideoProgressMessage;
import dev.encore.platform.UserNotifications;

/**
 * Server-sent events of one video's processing: the current state first, then every change (the
 * same messages as STOMP {@code /user/queue/videos}), closed once it is no longer processing.
 */
@Tag(name = "videos")
@RestController
class VideoEventsController {

    private static final Duration TIMEOUT = Duration.ofHours(2);

    private final VideoLibrary library;
    private final UserNotifications notifications;
    private final JsonMapper json;

    VideoEventsController(VideoLibrary library, UserNotifications notifications, JsonMapper json) {
        this.library = library;
        this.notifications = notifications;
        this.json = json;
    }

    @Operation(summary = "Follow a video's processing (text/event-stream)", description = "For whoever may see "
            + "the video. Events named 'video' carry {videoId, state, progress, failureReason}; the stream ends "
            + "when the state is ready, failed or cancelled.")
    @GetMapping(path = "/api/v1/videos/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(Authentication auth, @PathVariable UUID id) {
        Viewer viewer = Viewer.of(auth);
        VideoView before = library.get(viewer, id); // 404 before anything is opened
        SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
        AtomicReference<UserNotifications.Subscription> subscription = new AtomicReference<>();
        // the owner's messages, this video's only; subscribed before the state is read again, so
        // nothing that happens in between is missed
        subscription.set(notifications.subscribe(before.ownerId(), VideoProgressMessage.TOPIC, message -> {
            JsonNode node = json.readTree(message);
            if (id.toString().equals(node.path("videoId").asString())) {
                send(emitter, message, subscription.get());
                if (!ProcessingState.PROCESSING.value().equals(node.path("state").asString())) {
                    emitter.complete();
                }
            }
        }));
        Runnable unsubscribe = () -> subscription.get().close();
        emitter.onCompletion(unsubscribe);
        emitter.onTimeout(unsubscribe);
        emitter.onError(error -> unsubscribe.run());
        VideoView current;
        try {
            current = library.get(viewer, id);
        }
        catch (RuntimeException gone) {
            unsubscribe.run();
            throw gone;
        }
        VideoView.ProcessingView processing = current.processing();
        send(emitter, json.writeValueAsString(new VideoProgressMessage(id, processing.state(), processing.progress(),
                processing.failureReason())), subscription.get());
        if (!ProcessingState.PROCESSING.value().equals(processing.state())) {
            emitter.complete();
        }
        return emitter;
    }

    private static void send(SseEmitter emitter, String message, UserNotifications.Subscription subscription) {
        try {
            synchronized (emitter) {
                emitter.send(SseEmitter.event().name("video").data(message, MediaType.APPLICATION_JSON));
            }
        }
        catch (IOException | IllegalStateException gone) {
            if (subscription != null) {
                subscription.close();
            }
        }
    }
}
