package dev.encore.library.video;

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

import dev.encore.library.VideoLibrary;
import dev.encore.library.Viewer;
import dev.encore.library.video.processing.VideoProgressMessage;
import dev.encore.platform.ProgressEvents;

/**
 * Server-sent events of one video's processing: the current state first, then every change (the
 * same messages as STOMP {@code /user/queue/videos}), closed once it is no longer processing.
 */
@Tag(name = "videos")
@RestController
class VideoEventsController {

    private static final ProgressEvents.Kind VIDEOS = new ProgressEvents.Kind(VideoProgressMessage.TOPIC, "video",
            "videoId", message -> !ProcessingState.PROCESSING.value().equals(message.path("state").asString()),
            Duration.ofHours(2));

    private final VideoLibrary library;
    private final ProgressEvents events;

    VideoEventsController(VideoLibrary library, ProgressEvents events) {
        this.library = library;
        this.events = events;
    }

    @Operation(summary = "Follow a video's processing (text/event-stream)", description = "For whoever may see "
            + "the video. Events named 'video' carry {videoId, state, progress, failureReason}; the stream ends "
            + "when the state is ready, failed or cancelled.")
    @ApiResponse(responseCode = "429", description = "too-many-streams: 16 progress streams of mine open on this node")
    @GetMapping(path = "/api/v1/videos/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(Authentication auth, @PathVariable UUID id) {
        Viewer viewer = Viewer.of(auth);
        VideoView before = library.get(viewer, id); // 404 before anything is opened
        return events.follow(VIDEOS, before.ownerId(), id, () -> {
            VideoView.ProcessingView processing = library.get(viewer, id).processing();
            return new VideoProgressMessage(id, processing.state(), processing.progress(), processing.failureReason());
        });
    }
}
