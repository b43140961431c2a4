package dev.encore.platform.mail;

import org.jobrunr.scheduling.JobScheduler;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.encore.platform.JobWakeUp;

/**
 * Turns queued mails into JobRunr jobs after commit. The job id is the mail's id, so a republished
 * event makes no second job.
 */
@Component
class MailScheduling {

    private final JobScheduler jobs;
    private final JobWakeUp wakeUp;

    MailScheduling(JobScheduler jobs, JobWakeUp wakeUp) {
        this.jobs = jobs;
        this.wakeUp = wakeUp;
    }

    @ApplicationModuleListener
    void on(MailQueued queued) {
        jobs.<MailDelivery>enqueue(queued.mailId(), job -> job.deliver(queued.mailId()));
        wakeUp.now();
    }
}
