package dev.encore.library.content;

import org.jobrunr.scheduling.JobScheduler;
import org.jobrunr.scheduling.cron.Cron;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Registers the library housekeeping as JobRunr recurring jobs (one run per cluster). */
@Component
class LibrarySchedule {

    static final String EXPIRY_JOB = "library-upload-expiry";

    private final JobScheduler jobs;

    LibrarySchedule(JobScheduler jobs) {
        this.jobs = jobs;
    }

    @EventListener(ApplicationReadyEvent.class)
    void schedule() {
        jobs.<LibraryStorage>scheduleRecurrently(EXPIRY_JOB, Cron.every5minutes(), LibraryStorage::deleteExpiredUploads);
    }
}
