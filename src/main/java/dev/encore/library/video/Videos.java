package dev.encore.library.video;

import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import dev.encore.library.content.ContentRepository;

/**
 * Videos. The processing updates are conditional on the state (and the run), so a cancel, a delete
 * or a re-run always wins over a job that has not noticed it yet: the job's next update changes
 * nothing, and it stops. They leave the version alone: it guards metadata edits.
 */
public interface Videos extends ContentRepository<Video> {

    /** Whether a video's file is that blob. */
    @Override
    @Query("select count(v) > 0 from Video v where v.sha256 = :sha256")
    boolean references(@Param("sha256") String sha256);

    /** Ids of videos waiting for processing, in id order after {@code after}, for the sweep. */
    @Query("select v.id from Video v where v.processingState = dev.encore.library.video.ProcessingState.PROCESSING"
            + " and v.id > :after order by v.id")
    List<UUID> processingAfter(@Param("after") UUID after, Limit limit);

    /** Counts a started attempt of {@code run}; 0 when the video is gone or that run is not processing. */
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update Video v set v.processingAttempts = v.processingAttempts + 1 where v.id = :id"
            + " and v.processingRun = :run and v.processingState = dev.encore.library.video.ProcessingState.PROCESSING")
    int attemptStarted(@Param("id") UUID id, @Param("run") int run);

    /** Moves the progress forward; 0 when the run was cancelled, re-run or deleted meanwhile. */
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update Video v set v.progress = case when v.progress > :progress then v.progress else :progress end"
            + " where v.id = :id and v.processingRun = :run"
            + " and v.processingState = dev.encore.library.video.ProcessingState.PROCESSING")
    int progressed(@Param("id") UUID id, @Param("run") int run, @Param("progress") int progress);

    /** Marks the run ready with the source's facts; 0 when it was cancelled, re-run or deleted meanwhile. */
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update Video v set v.processingState = dev.encore.library.video.ProcessingState.READY,"
            + " v.progress = 100, v.failureReason = null, v.width = :width, v.height = :height,"
            + " v.frameRate = :frameRate, v.videoCodec = :videoCodec, v.audioCodec = :audioCodec"
            + " where v.id = :id and v.processingRun = :run"
            + " and v.processingState = dev.encore.library.video.ProcessingState.PROCESSING")
    int ready(@Param("id") UUID id, @Param("run") int run, @Param("width") int width, @Param("height") int height,
            @Param("frameRate") double frameRate, @Param("videoCodec") String videoCodec,
            @Param("audioCodec") String audioCodec);

    /** Ends the run as failed with a reason in plain words; 0 when it was not processing. */
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update Video v set v.processingState = dev.encore.library.video.ProcessingState.FAILED,"
            + " v.failureReason = :reason where v.id = :id and v.processingRun = :run"
            + " and v.processingState = dev.encore.library.video.ProcessingState.PROCESSING")
    int failed(@Param("id") UUID id, @Param("run") int run, @Param("reason") String reason);

    /** Cancels processing; 0 when the video is not processing. */
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update Video v set v.processingState = dev.encore.library.video.ProcessingState.CANCELLED"
            + " where v.id = :id and v.processingState = dev.encore.library.video.ProcessingState.PROCESSING")
    int cancel(@Param("id") UUID id);

    /** Starts a new run of a failed or cancelled video from nothing; 0 when it is in neither state. */
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update Video v set v.processingState = dev.encore.library.video.ProcessingState.PROCESSING,"
            + " v.progress = 0, v.failureReason = null, v.processingRun = v.processingRun + 1,"
            + " v.processingAttempts = 0 where v.id = :id"
            + " and v.processingState in (dev.encore.library.video.ProcessingState.FAILED,"
            + " dev.encore.library.video.ProcessingState.CANCELLED)")
    int rerun(@Param("id") UUID id);
}
