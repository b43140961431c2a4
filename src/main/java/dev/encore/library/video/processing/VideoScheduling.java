package dev.encore.library.video.processing;

import org.jobrunr.scheduling.JobScheduler;
import org.jobrunr.scheduling.cron.Cron;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.encore.library.video.VideoProcessingRequested;
import dev.encore.platform.JobWakeUp;

/**
 * Turns processing requests into JobRunr jobs, and registers the sweep that enqueues the job of any
 * video still waiting for processing. The job id names the run ({@link VideoProcessingRequested#jobId}),
 * so enqueueing a run twice (a republished event, the sweep) makes no second job.
 */
@Component
class VideoScheduling {

    static final String SWEEP_JOB = "video-sweep";

    private final JobScheduler jobs;
    private final JobWakeUp wakeUp;

    VideoScheduling(JobScheduler jobs, JobWakeUp wakeUp) {
        this.jobs = jobs;
        this.wakeUp = wakeUp;
    }

    @ApplicationModuleListener
    void on(VideoProcessingRequested requested) {
        enqueue(requested);
        wakeUp.now();
    }

    void enqueue(VideoProcessingRequested requested) {
        jobs.<VideoProcessingJob>enqueue(requested.jobId(),
                job -> job.process(requested.videoId(), requested.run()));
    }

    /**
     * The sweep runs every five minutes (one run per cluster) and once at every start: it picks up
     * videos saved before processing existed (the migration left them processing) and any whose
     * job was lost, at the cost of a query on an index.
     */
    @EventListener(ApplicationReadyEvent.class)
    void schedule() {
        jobs.<VideoSweep>scheduleRecurrently(SWEEP_JOB, Cron.every5minutes(), VideoSweep::sweep);
        jobs.<VideoSweep>enqueue(VideoSweep::sweep);
    }

}
