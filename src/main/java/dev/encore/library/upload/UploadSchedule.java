package dev.encore.library.upload;

import org.jobrunr.scheduling.JobScheduler;
import org.jobrunr.scheduling.cron.Cron;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Registers the upload housekeeping as JobRunr recurring jobs (one run per cluster). */
@Component
class UploadSchedule {

    static final String EXPIRY_JOB = "library-upload-expiry";

    private final JobScheduler jobs;

    UploadSchedule(JobScheduler jobs) {
        this.jobs = jobs;
    }

    @EventListener(ApplicationReadyEvent.class)
    void schedule() {
        jobs.<UploadStorage>scheduleRecurrently(EXPIRY_JOB, Cron.every5minutes(), UploadStorage::deleteExpiredUploads);
    }
}
