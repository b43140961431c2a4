package dev.encore.library.video.processing;

import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.encore.library.video.Videos;
import dev.encore.platform.UserNotifications;

/** Tells a video's owner about every change of its processing, from the database's current state. */
@Component
public class VideoNotifier {

    private final Videos videos;
    private final UserNotifications notifications;

    VideoNotifier(Videos videos, UserNotifications notifications) {
        this.videos = videos;
        this.notifications = notifications;
    }

    /** Sends the video's state now (nothing when it is gone). */
    public void changed(UUID videoId) {
        videos.findById(videoId).ifPresent(video -> notifications.send(video.ownerId(), VideoProgressMessage.TOPIC,
                new VideoProgressMessage(video.id(), video.processingState().value(), video.progress(),
                        video.failureReason())));
    }

    /** Sends a state the caller has just written (the video need not be read back). */
    public void changed(UUID ownerId, VideoProgressMessage message) {
        notifications.send(ownerId, VideoProgressMessage.TOPIC, message);
    }
}
