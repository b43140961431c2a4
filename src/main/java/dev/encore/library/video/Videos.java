package dev.encore.library.video;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;

import dev.encore.library.content.ContentRepository;

/**
 * Videos. The processing updates are conditional on the state (and the run), so a cancel, a delete
 * or a re-run always wins over a job that has not noticed it yet: the job's next update changes
 * nothing, and it stops. They leave the version alone: it guards metadata edits.
 */
public interface Videos extends ContentRepository<Video> {

    @Override
    @Query("SELECT COALESCE(SUM(size_bytes), 0) FROM videos WHERE owner_id = :ownerId")
    long bytesOf(UUID ownerId);

    /** Whether a video's file is that blob. */
    @Override
    @Query("SELECT COUNT(*) > 0 FROM videos WHERE sha256 = :sha256")
    boolean references(String sha256);

    /** A processing run holds the row from its {@link #ready} until it commits its outputs. */
    @Override
    @Query("SELECT id FROM videos WHERE id = :id FOR UPDATE")
    Optional<UUID> lockRow(UUID id);

    /** Ids of up to {@code limit} videos waiting for processing, in id order after {@code after}, for the sweep. */
    @Query("SELECT id FROM videos WHERE processing_state = 'PROCESSING' AND id > :after ORDER BY id LIMIT :limit")
    List<UUID> processingAfter(UUID after, int limit);

    /** Counts a started attempt of {@code run}; 0 when the video is gone or that run is not processing. */
    @Modifying
    @Query("UPDATE videos SET processing_attempts = processing_attempts + 1 WHERE id = :id"
            + " AND processing_run = :run AND processing_state = 'PROCESSING'")
    int attemptStarted(UUID id, int run);

    /** Moves the progress forward; 0 when the run was cancelled, re-run or deleted meanwhile. */
    @Modifying
    @Query("UPDATE videos SET progress = CASE WHEN progress > :progress THEN progress ELSE :progress END"
            + " WHERE id = :id AND processing_run = :run AND processing_state = 'PROCESSING'")
    int progressed(UUID id, int run, int progress);

    /** Marks the run ready with the source's facts; 0 when it was cancelled, re-run or deleted meanwhile. */
    @Modifying
    @Query("UPDATE videos SET processing_state = 'READY', progress = 100, failure_reason = NULL, width = :width,"
            + " height = :height, frame_rate = :frameRate, video_codec = :videoCodec, audio_codec = :audioCodec"
            + " WHERE id = :id AND processing_run = :run AND processing_state = 'PROCESSING'")
    int ready(UUID id, int run, int width, int height, double frameRate, String videoCodec, String audioCodec);

    /** Ends the run as failed with a reason in plain words; 0 when it was not processing. */
    @Modifying
    @Query("UPDATE videos SET processing_state = 'FAILED', failure_reason = :reason WHERE id = :id"
            + " AND processing_run = :run AND processing_state = 'PROCESSING'")
    int failed(UUID id, int run, String reason);

    /** Cancels processing; 0 when the video is not processing. */
    @Modifying
    @Query("UPDATE videos SET processing_state = 'CANCELLED' WHERE id = :id AND processing_state = 'PROCESSING'")
    int cancel(UUID id);

    /** Starts a new run of a failed or cancelled video from nothing; 0 when it is in neither state. */
    @Modifying
    @Query("UPDATE videos SET processing_state = 'PROCESSING', progress = 0, failure_reason = NULL,"
            + " processing_run = processing_run + 1, processing_attempts = 0 WHERE id = :id"
            + " AND processing_state IN ('FAILED', 'CANCELLED')")
    int rerun(UUID id);
}
