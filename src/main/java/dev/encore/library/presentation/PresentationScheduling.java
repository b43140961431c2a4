package dev.encore.library.presentation;

import org.jobrunr.scheduling.JobScheduler;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.encore.platform.JobWakeUp;

/**
 * Turns submitted presentations into JobRunr jobs whose id is the presentation's, so a republished
 * event cannot enqueue one twice.
 */
@Component
class PresentationScheduling {

    private final JobScheduler jobs;
    private final JobWakeUp wakeUp;

    PresentationScheduling(JobScheduler jobs, JobWakeUp wakeUp) {
        this.jobs = jobs;
        this.wakeUp = wakeUp;
    }

    @ApplicationModuleListener
    void on(PresentationSubmitted submitted) {
        jobs.<PresentationRendering>enqueue(submitted.presentationId(),
                rendering -> rendering.render(submitted.presentationId()));
        wakeUp.now();
    }

}
