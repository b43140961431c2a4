package dev.encore.live.premiere;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.encore.library.VideoLibrary;
import dev.encore.library.VideoSummary;
import dev.encore.library.Viewer;
import dev.encore.library.Viewers;
import dev.encore.live.LiveKind;
import dev.encore.live.LivePresence;

/** Premieres as one viewer sees them: the video through the library's rules, viewers through presence. */
@Component
class PremiereViews {

    private final VideoLibrary videos;
    private final Viewers viewers;
    private final LivePresence presence;
    private final Clock clock;

    PremiereViews(VideoLibrary videos, Viewers viewers, LivePresence presence, Clock clock) {
        this.videos = videos;
        this.viewers = viewers;
        this.presence = presence;
        this.clock = clock;
    }

    /** The premiere for a viewer who may see its video (404 {@code not-found} otherwise: a hidden video hides it). */
    PremiereView of(Viewer viewer, Premiere premiere) {
        return of(premiere, video(viewer, premiere));
    }

    PremiereView of(Premiere premiere, VideoSummary video) {
        return PremiereView.of(premiere, video, presence.count(LiveKind.PREMIERE, premiere.id()), clock.instant());
    }

    /** The premiere's video as the viewer sees it (404 {@code not-found} for the premiere when they may not). */
    VideoSummary video(Viewer viewer, Premiere premiere) {
        return videos.summary(viewer, premiere.videoId()).orElseThrow(PremiereProblems::notFound);
    }

    /** The premiere's video for user {@code userId} (an enabled account that may see it), if so. */
    Optional<VideoSummary> video(UUID userId, Premiere premiere) {
        return viewers.current(userId).flatMap(viewer -> videos.summary(viewer, premiere.videoId()));
    }
}
