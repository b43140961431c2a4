package dev.encore.ingest;

import org.jobrunr.scheduling.JobScheduler;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns accepted imports into JobRunr jobs. The job id is the import id, so a republished event
 * (after a crash between enqueue and marking the event done) cannot enqueue it twice.
 */
@Component
class ImportScheduling {

    private final JobScheduler jobs;

    ImportScheduling(JobScheduler jobs) {
        this.jobs = jobs;
    }

    @ApplicationModuleListener
    void on(ImportQueued queued) {
        jobs.<ImportWorker>enqueue(queued.importId(), worker -> worker.run(queued.importId()));
    }
}
