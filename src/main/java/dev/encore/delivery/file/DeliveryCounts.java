package dev.encore.delivery.file;

import java.time.Clock;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.encore.platform.spi.DeliverableFiles.DeliverableFile;
import dev.encore.delivery.FileDownloaded;
import dev.encore.delivery.VideoWatched;
import dev.encore.library.VideoLibrary;

/**
 * Publishes what delivery counts ({@link FileDownloaded}, {@link VideoWatched}), each in a short
 * transaction of its own: the requests that serve files hold none, and the event publication
 * registry only keeps (and its listeners only receive) events published in one.
 */
@Component
public class DeliveryCounts {

    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final VideoLibrary videos;
    private final Clock clock;

    DeliveryCounts(ApplicationEventPublisher events, PlatformTransactionManager transactions, VideoLibrary videos,
            Clock clock) {
        this.events = events;
        this.videos = videos;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** A file went out through its download link. */
    public void downloaded(DeliverableFile file) {
        publish(new FileDownloaded(UUID.randomUUID(), file.id(), file.ownerId(), file.filename(), clock.instant()));
    }

    /** A viewing of a video (given as its original) started; it is named by its title. */
    public void watched(DeliverableFile video, UUID viewerId) {
        publish(new VideoWatched(UUID.randomUUID(), video.id(), video.ownerId(), viewerId,
                videos.title(video.id()).orElse(video.filename()), clock.instant()));
    }

    private void publish(Object event) {
        transaction.executeWithoutResult(status -> events.publishEvent(event));
    }
}
