package dev.encore.ingest.schedule;

import org.jobrunr.scheduling.JobScheduler;
import org.jobrunr.server.BackgroundJobServer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import dev.encore.ingest.ImportQueued;
import dev.encore.ingest.ImportWorker;

/**
 * Turns accepted imports into JobRunr jobs. The job id is the import id, so a republished event
 * (after a crash between enqueue and marking the event done) cannot enqueue it twice.
 */
@Component
class ImportScheduling {

    private final JobScheduler jobs;
    private final ObjectProvider<BackgroundJobServer> server;

    ImportScheduling(JobScheduler jobs, ObjectProvider<BackgroundJobServer> server) {
        this.jobs = jobs;
        this.server = server;
    }

    @ApplicationModuleListener
    void on(ImportQueued queued) {
        jobs.<ImportWorker>enqueue(queued.importId(), worker -> worker.run(queued.importId()));
        wakeUp();
    }

    /**
     * JobRunr OSS looks for enqueued work once per poll interval (at least 5 s with SQL storage),
     * which a user watching an import would feel on every request. When this node runs a job
     * server, it is asked to onboard work now, through the hooks its workers use when they finish
     * a job (occupied + idle leave the worker count unchanged). Other nodes still find the job
     * on their next poll, so nothing depends on this.
     */
    private void wakeUp() {
        BackgroundJobServer local = server.getIfAvailable();
        if (local != null && local.isRunning()) {
            local.getJobSteward().notifyThreadOccupied();
            local.getJobSteward().notifyThreadIdle();
        }
    }
}
