package dev.encore.platform.mail;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
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

    /**
     * Schedules the mail's next try at {@code at}: a job of its own, under an id of its own (the try's
     * number, or a fresh one for a try put off by the hourly cap, which counts no try), since JobRunr
     * keeps one job per id and the running one is still there.
     */
    void later(UUID mailId, String tryName, Instant at) {
        jobs.<MailDelivery>schedule(jobId(mailId, tryName), at, job -> job.deliver(mailId));
    }

    /** Enqueues a send of the mail now, under the try's own id, and wakes this node's workers. */
    void now(UUID mailId, String tryName) {
        jobs.<MailDelivery>enqueue(jobId(mailId, tryName), job -> job.deliver(mailId));
        wakeUp.now();
    }

    static UUID jobId(UUID mailId, String tryName) {
        return UUID.nameUUIDFromBytes(("platform-mail:" + mailId + ":" + tryName).getBytes(StandardCharsets.UTF_8));
    }

    static UUID jobId(UUID mailId) {
        return UUID.nameUUIDFromBytes(("platform-mail:" + mailId).getBytes(StandardCharsets.UTF_8));
    }
}
