package dev.encore.library.presentation;

import org.jobrunr.scheduling.JobScheduler;
import org.jobrunr.server.BackgroundJobServer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns submitted presentations into JobRunr jobs whose id is the presentation's, so a republished
 * event cannot enqueue one twice.
 */
@Component
class PresentationScheduling {

    private final JobScheduler jobs;
    private final ObjectProvider<BackgroundJobServer> server;

    PresentationScheduling(JobScheduler jobs, ObjectProvider<BackgroundJobServer> server) {
        this.jobs = jobs;
        this.server = server;
    }

    @ApplicationModuleListener
    void on(PresentationSubmitted submitted) {
        jobs.<PresentationRendering>enqueue(submitted.presentationId(),
                rendering -> rendering.render(submitted.presentationId()));
        wakeUp();
    }

    /**
     * JobRunr looks for enqueued work once per poll interval (5 s); this node's job server, if it
     * runs one, is asked to look now (as ingest's ImportScheduling does). Other nodes find the job
     * on their next poll.
     */
    private void wakeUp() {
        BackgroundJobServer local = server.getIfAvailable();
        if (local != null && local.isRunning()) {
            local.getJobSteward().notifyThreadOccupied();
            local.getJobSteward().notifyThreadIdle();
        }
    }
}
