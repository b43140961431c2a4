package dev.encore.platform.backup;

import java.time.ZoneOffset;

import org.jobrunr.jobs.annotations.Job;
import org.jobrunr.scheduling.JobScheduler;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The scheduled backup, as a JobRunr recurring job (one run per cluster) on
 * {@code encore.backup.schedule} in UTC; registered only for the embedded database with
 * {@code encore.backup.enabled}, and taken off the schedule otherwise.
 */
@Component
public class BackupJob {

    static final String JOB_ID = "database-backup";

    private final JobScheduler jobs;
    private final BackupProperties properties;
    private final Backups backups;

    BackupJob(JobScheduler jobs, BackupProperties properties, Backups backups) {
        this.jobs = jobs;
        this.properties = properties;
        this.backups = backups;
    }

    @EventListener(ApplicationReadyEvent.class)
    void schedule() {
        if (properties.enabled() && backups.embedded()) {
            jobs.<BackupJob>scheduleRecurrently(JOB_ID, properties.schedule(), ZoneOffset.UTC, BackupJob::run);
        }
        else {
            jobs.deleteRecurringJob(JOB_ID);
        }
    }

    @Job(name = "Back up the database")
    public void run() {
        try {
            backups.create(null);
        }
        catch (RuntimeException ex) {
            backups.failed(ex);
            throw ex;
        }
    }
}
