package dev.encore.audit;

import org.jobrunr.scheduling.JobScheduler;
import org.jobrunr.scheduling.cron.Cron;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Registers the daily retention clean-up as a JobRunr recurring job (one run per cluster). */
@Component
class AuditRetentionSchedule {

    static final String JOB_ID = "audit-retention";

    private final JobScheduler jobs;

    AuditRetentionSchedule(JobScheduler jobs) {
        this.jobs = jobs;
    }

    @EventListener(ApplicationReadyEvent.class)
    void schedule() {
        jobs.<AuditLog>scheduleRecurrently(JOB_ID, Cron.daily(3, 17), log -> log.purgeExpired());
    }
}
