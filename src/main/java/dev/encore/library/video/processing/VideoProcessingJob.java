package dev.encore.library.video.processing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;

import org.jobrunr.jobs.annotations.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

import dev.encore.library.video.VideoFile;
import dev.encore.library.video.VideoProcessingRequested;
import dev.encore.media.NotAVideoException;
import dev.encore.media.OutputFile;
import dev.encore.media.VideoOutput;
import dev.encore.media.VideoProcessingException;
import dev.encore.media.VideoProcessor;
import dev.encore.media.VideoSource;
import dev.encore.platform.BlobStore;
import dev.encore.platform.spi.BlobReferences;

/**
 * Processes one run of a video as a JobRunr job: the original as a local file, ffmpeg into a
 * staging directory of this attempt (an earlier attempt's leftovers deleted first), every output
 * stored as a blob, then one transaction that writes all the rows and makes the video ready. Each
 * attempt redoes the work from the start, so a restart mid-job (JobRunr runs the job again) never
 * serves half a ladder: until the last transaction the video has no outputs, and its original
 * keeps streaming. Transient failures (a tool that could not start, storage that did not answer)
 * are thrown to JobRunr, which retries with exponential backoff, up to {@link VideoOutcomes#MAX_ATTEMPTS};
 * others fail the video at once with a reason in plain words. A cancel, a delete or a re-run stops
 * ffmpeg and leaves nothing stored.
 */
@Component
public class VideoProcessingJob {

    private static final Logger log = LoggerFactory.getLogger(VideoProcessingJob.class);

    private final VideoOutcomes outcomes;
    private final VideoProcessor processor;
    private final BlobStore blobs;
    private final ObjectProvider<BlobReferences> references;
    private final Support support;

    VideoProcessingJob(VideoOutcomes outcomes, VideoProcessor processor, BlobStore blobs,
            ObjectProvider<BlobReferences> references, Support support) {
        this.outcomes = outcomes;
        this.processor = processor;
        this.blobs = blobs;
        this.references = references;
        this.support = support;
    }

    /** What the job needs of this node beside the work itself. */
    @Component
    static class Support {

        private final RunningVideos running;
        private final VideoWorkers workers;
        private final VideoNotifier notifier;

        Support(RunningVideos running, VideoWorkers workers, VideoNotifier notifier) {
            this.running = running;
            this.workers = workers;
            this.notifier = notifier;
        }
    }

    @Job(name = "Process video %0", retries = 10)
    public void process(UUID videoId, int run) throws InterruptedException {
        Optional<VideoOutcomes.Attempt> started = outcomes.start(videoId, run);
        support.notifier.changed(videoId);
        if (started.isEmpty()) {
            return; // deleted, cancelled, re-run, or attempted too often
        }
        VideoOutcomes.Attempt attempt = started.get();
        AtomicBoolean cancelled = support.running.start(videoId);
        try {
            support.workers.acquire();
            try {
                work(videoId, run, attempt, cancelled);
            }
            finally {
                support.workers.release();
            }
        }
        catch (CancellationException ex) {
            log.info("Processing of video {} stopped: cancelled or deleted", videoId);
        }
        catch (NotAVideoException ex) {
            outcomes.failed(videoId, run, ex.getMessage());
        }
        catch (VideoProcessingException ex) {
            failed(videoId, run, attempt, ex.isTransient(), ex.reason(), ex);
        }
        catch (IOException ex) {
            failed(videoId, run, attempt, true, "The video's files could not be read or stored.", ex);
        }
        finally {
            support.running.finish(videoId, cancelled);
            support.notifier.changed(videoId);
        }
    }

    private void work(UUID videoId, int run, VideoOutcomes.Attempt attempt, AtomicBoolean cancelled)
            throws IOException, InterruptedException {
        if (!outcomes.wanted(videoId, run)) {
            return; // cancelled while waiting for a worker
        }
        Path staging = blobs.createStaging("video", new VideoProcessingRequested(videoId, run).jobId());
        try (BlobStore.LocalFile original = blobs.localFile(attempt.original())) {
            VideoSource source = processor.inspect(original.path());
            ProcessingProgress progress = new ProcessingProgress(videoId, run, attempt.ownerId(), cancelled);
            VideoOutput output = processor.process(original.path(), source, staging, progress, cancelled::get);
            if (cancelled.get() || !outcomes.wanted(videoId, run)) {
                return;
            }
            List<VideoFile> stored = store(videoId, output);
            if (!outcomes.ready(videoId, run, source, output.renditions(), stored)) {
                discard(stored); // cancelled or deleted while the files were stored
            }
        }
        finally {
            FileSystemUtils.deleteRecursively(staging);
        }
    }

    private List<VideoFile> store(UUID videoId, VideoOutput output) throws IOException {
        List<VideoFile> stored = new ArrayList<>();
        try {
            for (OutputFile file : output.files()) {
                BlobStore.StoredBlob blob = blobs.store(file.path());
                stored.add(new VideoFile(videoId, file.name(), blob.sha256(), blob.size(), file.mimeType()));
            }
            return stored;
        }
        catch (IOException | RuntimeException ex) {
            discard(stored);
            throw ex;
        }
    }

    /**
     * Deletes blobs this attempt stored that nothing references, at once (not after the
     * collector's grace): the run that stored them is over, and leaves nothing behind.
     */
    private void discard(List<VideoFile> stored) {
        for (String sha256 : stored.stream().map(VideoFile::sha256).distinct().toList()) {
            try {
                if (references.orderedStream().noneMatch(reference -> reference.references(sha256))) {
                    blobs.delete(sha256);
                }
            }
            catch (IOException ex) {
                log.warn("Could not delete blob {} of a stopped video run (the orphan sweep will): {}", sha256,
                        ex.getMessage());
            }
        }
    }

    private void failed(UUID videoId, int run, VideoOutcomes.Attempt attempt, boolean transientFailure, String reason,
            Exception cause) {
        if (transientFailure && attempt.mayRetry()) {
            log.info("Processing of video {} failed for now, JobRunr retries it: {}", videoId, cause.getMessage());
            throw new RetryLater(cause);
        }
        log.info("Processing of video {} failed: {}", videoId, cause.getMessage());
        outcomes.failed(videoId, run, reason);
    }

    /** Thrown to JobRunr, which runs the job again after its exponential backoff. */
    static final class RetryLater extends RuntimeException {

        RetryLater(Exception cause) {
            super("transient failure, retrying: " + cause.getMessage(), cause, false, false);
        }
    }

    /**
     * Progress from ffmpeg, written to the database and pushed to the owner when it moved by at
     * least a point and a quarter second passed (or at 100). A write that changes nothing means the
     * run is no longer wanted: the flag is raised and ffmpeg is stopped.
     */
    private final class ProcessingProgress implements IntConsumer {

        private static final long MIN_INTERVAL_NANOS = 250_000_000L;

        private final UUID videoId;
        private final int run;
        private final UUID ownerId;
        private final AtomicBoolean cancelled;
        private int last = -1;
        private long lastAt;

        ProcessingProgress(UUID videoId, int run, UUID ownerId, AtomicBoolean cancelled) {
            this.videoId = videoId;
            this.run = run;
            this.ownerId = ownerId;
            this.cancelled = cancelled;
        }

        @Override
        public synchronized void accept(int percent) {
            long now = System.nanoTime();
            int value = Math.clamp(percent, 0, 99); // 100 is the ready state's
            if (value <= last || now - lastAt < MIN_INTERVAL_NANOS && percent < 100) {
                return;
            }
            last = value;
            lastAt = now;
            if (!outcomes.progressed(videoId, run, value)) {
                cancelled.set(true);
                return;
            }
            support.notifier.changed(ownerId, new VideoProgressMessage(videoId, "processing", value, null));
        }
    }
}
