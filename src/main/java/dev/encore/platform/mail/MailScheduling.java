package dev.encore.platform.mail;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.jobrunr.scheduling.JobScheduler;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.encore.platform.JobWakeUp;

/**
 * Turns queued mails into JobRunr jobs after commit. The job id is derived from the mail's id (a mail
 * id is often another job's, an import's say, and JobRunr ignores a second job under one id), so a
 * republished event makes no second job.
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
        UUID mailId = queued.mailId();
        jobs.<MailDelivery>enqueue(jobId(mailId), job -> job.deliver(mailId));
        wakeUp.now();
    }

    static UUID jobId(UUID mailId) {
        return UUID.nameUUIDFromBytes(("platform-mail:" + mailId).getBytes(StandardCharsets.UTF_8));
    }
}
