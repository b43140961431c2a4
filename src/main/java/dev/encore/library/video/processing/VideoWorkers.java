package dev.encore.library.video.processing;

import java.util.concurrent.Semaphore;

import org.springframework.stereotype.Component;

import dev.encore.media.VideoProperties;

/**
 * How many videos this node processes at once ({@code encore.video.workers}). JobRunr runs that
 * many more workers than imports need (see the ingest worker policy), so video jobs do not take
 * import slots while they are within the limit; a video job beyond it waits here for a permit.
 */
@Component
class VideoWorkers {

    private final Semaphore permits;

    VideoWorkers(VideoProperties properties) {
        this.permits = new Semaphore(properties.workers(), true);
    }

    void acquire() throws InterruptedException {
        permits.acquire();
    }

    void release() {
        permits.release();
    }
}
