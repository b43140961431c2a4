package dev.encore.ingest.schedule;

import org.jobrunr.scheduling.JobScheduler;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.encore.ingest.ImportQueued;
import dev.encore.ingest.ImportWorker;
import dev.encore.platform.JobWakeUp;

/**
 * Turns accepted imports into JobRunr jobs. The job id is the import id, so a republished event
 * (after a crash between enqueue and marking the event done) cannot enqueue it twice.
 */
@Component
class ImportScheduling {

    private final JobScheduler jobs;
    private final JobWakeUp wakeUp;

    ImportScheduling(JobScheduler jobs, JobWakeUp wakeUp) {
        this.jobs = jobs;
        this.wakeUp = wakeUp;
    }

    @ApplicationModuleListener
    void on(ImportQueued queued) {
        jobs.<ImportWorker>enqueue(queued.importId(), worker -> worker.run(queued.importId()));
        wakeUp.now();
    }

}
