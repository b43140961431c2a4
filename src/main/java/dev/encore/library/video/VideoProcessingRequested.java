package dev.encore.library.video;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A run of a video's processing was asked for: a new video, or a re-run of a failed or cancelled
 * one. Published in the transaction that saves it, so the job is enqueued (from the event
 * publication registry, after commit) exactly when the video exists, even if the process dies in
 * between.
 *
 * @param videoId the video
 * @param run     which run: 0 for a new video, one more per re-run
 */
public record VideoProcessingRequested(UUID videoId, int run) {

    /**
     * The run's JobRunr job id: the video id for the first run, derived from it for re-runs. The
     * same run never gets two jobs (JobRunr skips an id it has), however often it is enqueued.
     */
    public UUID jobId() {
        return run == 0 ? videoId
                : UUID.nameUUIDFromBytes(("video:" + videoId + ":" + run).getBytes(StandardCharsets.UTF_8));
    }
}
