package dev.encore.insights.rollup;

import org.jobrunr.scheduling.JobScheduler;
import org.jobrunr.scheduling.cron.Cron;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Registers the daily roll-up clean-up as a JobRunr recurring job (one run per cluster). */
@Component
class RetentionSchedule {

    static final String JOB_ID = "insights-retention";

    private final JobScheduler jobs;

    RetentionSchedule(JobScheduler jobs) {
        this.jobs = jobs;
    }

    @EventListener(ApplicationReadyEvent.class)
    void schedule() {
        jobs.<RollUps>scheduleRecurrently(JOB_ID, Cron.daily(3, 37), rollUps -> rollUps.purgeExpired());
    }
}
