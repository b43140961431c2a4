package dev.encore.library.video.processing;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.encore.library.video.ProcessingState;
import dev.encore.library.video.Rendition;
import dev.encore.library.video.VideoRenditions;
import dev.encore.library.video.Video;
import dev.encore.library.video.VideoFile;
import dev.encore.library.video.VideoFiles;
import dev.encore.library.video.Videos;
import dev.encore.media.VideoRendition;
import dev.encore.media.VideoSource;

/**
 * The database side of a processing run, one short transaction each: counting an attempt,
 * progress, and the end (ready with every output row at once, or failed). Each is conditional on
 * the run still being wanted, so a cancel, a delete or a re-run wins over a job that has not
 * noticed it yet.
 */
@Component
class VideoOutcomes {

    /** Attempts of one run (retries after transient failures and restarts mid-job) before it fails for good. */
    static final int MAX_ATTEMPTS = 5;

    private final Videos videos;
    private final VideoFiles files;
    private final VideoRenditions renditions;

    VideoOutcomes(Videos videos, VideoFiles files, VideoRenditions renditions) {
        this.videos = videos;
        this.files = files;
        this.renditions = renditions;
    }

    /**
     * Counts a started attempt; the video's original (its content address) when the run is to go
     * on, empty when the video is gone, the run is over, or it was attempted too often (then failed).
     */
    @Transactional
    public Optional<Attempt> start(UUID videoId, int run) {
        if (videos.attemptStarted(videoId, run) == 0) {
            return Optional.empty();
        }
        Video video = videos.findById(videoId).orElseThrow();
        if (video.processingAttempts() > MAX_ATTEMPTS) {
            videos.failed(videoId, run, "Processing was interrupted too many times; try again later.");
            return Optional.empty();
        }
        return Optional.of(new Attempt(video.ownerId(), video.sha256(), video.processingAttempts()));
    }

    /**
     * A started attempt.
     *
     * @param ownerId  whose video it is
     * @param original the original's content address
     * @param number   1 for the first attempt of the run
     */
    record Attempt(UUID ownerId, String original, int number) {

        boolean mayRetry() {
            return number < MAX_ATTEMPTS;
        }
    }

    /** Records progress; false when the run is no longer wanted (cancelled, re-run or deleted). */
    @Transactional
    public boolean progressed(UUID videoId, int run, int percent) {
        return videos.progressed(videoId, run, percent) == 1;
    }

    /** Whether the run is still wanted. */
    @Transactional(readOnly = true)
    public boolean wanted(UUID videoId, int run) {
        return videos.findById(videoId).filter(video -> video.processingRun() == run
                && video.processingState() == ProcessingState.PROCESSING).isPresent();
    }

    /**
     * Makes the run ready with all of its outputs in one transaction; false (and nothing written)
     * when it is no longer wanted.
     */
    @Transactional
    public boolean ready(UUID videoId, int run, VideoSource source, List<VideoRendition> made, List<VideoFile> stored) {
        if (videos.ready(videoId, run, source.width(), source.height(), source.frameRate(), cut(source.videoCodec()),
                cut(source.audioCodec())) == 0) {
            return false;
        }
        // only a ready video has rows, and a ready video is never processed again: nothing to replace
        files.insertAll(stored);
        renditions.insertAll(made.stream().map(rendition -> new Rendition(videoId, rendition)).toList());
        return true;
    }

    /** Fails the run with a reason in plain words. */
    @Transactional
    public void failed(UUID videoId, int run, String reason) {
        videos.failed(videoId, run, reason.length() <= 500 ? reason : reason.substring(0, 500));
    }

    private static String cut(String codec) {
        return codec == null || codec.length() <= 32 ? codec : codec.substring(0, 32);
    }
}
