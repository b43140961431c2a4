package dev.encore.insights.rollup;

import java.time.Clock;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.encore.account.UserDeleted;
import dev.encore.delivery.FileDownloaded;
import dev.encore.delivery.VideoWatched;
import dev.encore.ingest.ImportQueued;
import dev.encore.library.TrackPlayed;

/**
 * Turns the other modules' public events into roll-ups, after their transactions commit, through the
 * event publication registry: an event delivered again is counted once (see {@link RollUps#count}).
 */
@Component
class InsightsListeners {

    private final RollUps rollUps;
    private final Clock clock;

    InsightsListeners(RollUps rollUps, Clock clock) {
        this.rollUps = rollUps;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(TrackPlayed played) {
        rollUps.count(new Counted(played.playId(), Activity.PLAY, played.trackId(), played.ownerId(),
                played.listenerId(), played.name(), played.playedAt()));
    }

    @ApplicationModuleListener
    void on(VideoWatched watched) {
        rollUps.count(new Counted(watched.watchId(), Activity.WATCH, watched.videoId(), watched.ownerId(),
                watched.viewerId(), watched.name(), watched.watchedAt()));
    }

    @ApplicationModuleListener
    void on(FileDownloaded downloaded) {
        rollUps.count(new Counted(downloaded.downloadId(), Activity.DOWNLOAD, downloaded.fileId(),
                downloaded.ownerId(), downloaded.ownerId(), downloaded.name(), downloaded.downloadedAt()));
    }

    /** An import counts on the day it is handled here: the event carries no time (it is handled within seconds). */
    @ApplicationModuleListener
    void on(ImportQueued queued) {
        rollUps.count(new Counted(queued.importId(), Activity.IMPORT, queued.importId(), queued.ownerId(),
                queued.ownerId(), null, clock.instant()));
    }

    @ApplicationModuleListener
    void on(UserDeleted deleted) {
        rollUps.forget(deleted.userId());
    }
}
