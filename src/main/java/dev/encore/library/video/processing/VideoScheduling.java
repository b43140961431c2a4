package dev.encore.library.video.processing;

import org.jobrunr.scheduling.JobScheduler;
import org.jobrunr.scheduling.cron.Cron;
import org.jobrunr.server.BackgroundJobServer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.encore.library.video.VideoProcessingRequested;

/**
 * Turns processing requests into JobRunr jobs, and registers the sweep that enqueues the job of any
 * video still waiting for processing. The job id names the run ({@link VideoProcessingRequested#jobId}),
 * so enqueueing a run twice (a republished event, the sweep) makes no second job.
 */
@Component
class VideoScheduling {

    static final String SWEEP_JOB = "video-sweep";

    private final JobScheduler jobs;
    private final ObjectProvider<BackgroundJobServer> server;

    VideoScheduling(JobScheduler jobs, ObjectProvider<BackgroundJobServer> server) {
        this.jobs = jobs;
        this.server = server;
    }

    @ApplicationModuleListener
    void on(VideoProcessingRequested requested) {
        enqueue(requested);
        wakeUp();
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

    /**
     * JobRunr OSS looks for enqueued work once per poll interval (at least 5 s with SQL storage);
     * when this node runs a job server it is asked to onboard work now (see the import scheduling).
     */
    private void wakeUp() {
        BackgroundJobServer local = server.getIfAvailable();
        if (local != null && local.isRunning()) {
            local.getJobSteward().notifyThreadOccupied();
            local.getJobSteward().notifyThreadIdle();
        }
    }
}
