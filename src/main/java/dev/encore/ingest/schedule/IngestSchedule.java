package dev.encore.ingest.schedule;

import org.jobrunr.scheduling.JobScheduler;
import org.jobrunr.scheduling.cron.Cron;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import dev.encore.ingest.IngestMaintenance;

/** Registers the ingest housekeeping as JobRunr recurring jobs (one run per cluster). */
@Component
class IngestSchedule {

    static final String EXPIRY_JOB = "ingest-expiry";
    static final String SWEEP_JOB = "ingest-sweep";

    private final JobScheduler jobs;

    IngestSchedule(JobScheduler jobs) {
        this.jobs = jobs;
    }

    @EventListener(ApplicationReadyEvent.class)
    void schedule() {
        jobs.<IngestMaintenance>scheduleRecurrently(EXPIRY_JOB, Cron.every5minutes(), IngestMaintenance::deleteExpired);
        jobs.<IngestMaintenance>scheduleRecurrently(SWEEP_JOB, Cron.hourly(), IngestMaintenance::sweep);
    }
}
