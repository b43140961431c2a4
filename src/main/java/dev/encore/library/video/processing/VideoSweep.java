package dev.encore.library.video.processing;

import java.util.List;
import java.util.UUID;

import org.jobrunr.jobs.annotations.Job;
import org.springframework.stereotype.Component;

import dev.encore.library.video.Video;
import dev.encore.library.video.VideoProcessingRequested;
import dev.encore.library.video.Videos;

/**
 * Enqueues the current run's job of every video waiting for processing. A run that has its job
 * already is skipped by JobRunr (same id), so this only starts what nothing else will: videos
 * saved before processing existed, and runs whose event was lost.
 */
@Component
public class VideoSweep {

    private static final int BATCH = 200;

    private final Videos videos;
    private final VideoScheduling scheduling;

    VideoSweep(Videos videos, VideoScheduling scheduling) {
        this.videos = videos;
        this.scheduling = scheduling;
    }

    @Job(name = "Enqueue waiting videos", retries = 2)
    public void sweep() {
        UUID after = new UUID(0, 0); // databases order UUIDs as unsigned bytes: this is the least
        List<UUID> batch;
        do {
            batch = videos.processingAfter(after, BATCH);
            for (UUID id : batch) {
                videos.findById(id).map(Video::processingRun)
                        .ifPresent(run -> scheduling.enqueue(new VideoProcessingRequested(id, run)));
            }
            after = batch.isEmpty() ? after : batch.getLast();
        } while (batch.size() == BATCH);
    }
}
