package dev.encore.platform.ops;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.jobrunr.jobs.annotations.Job;
import org.jobrunr.scheduling.JobScheduler;
import org.jobrunr.scheduling.cron.Cron;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.stereotype.Component;

/**
 * Nothing published is lost, and nothing is delivered twice at once by two nodes: instead of every
 * node republishing all incomplete event publications when it starts (which in distributed mode
 * hands events other nodes are still working on to a second listener), one JobRunr recurring job
 * (one run per cluster, every minute) resubmits the publications that have been incomplete for
 * {@link #STALE} (their listener failed, or their node died), each after a growing pause. Modulith
 * claims each publication before it resubmits it, and every listener is idempotent, so a
 * publication that is resubmitted while a slow listener still works on it does no harm.
 */
@Component
public class EventResubmission {

    static final String JOB_ID = "event-resubmission";
    /** An incomplete publication this old is not one a listener is still working on. */
    static final Duration STALE = Duration.ofMinutes(5);
    /** The pause after the n-th attempt is STALE times 2^n, at most this many doublings (about 21 h). */
    private static final int MAX_DOUBLINGS = 8;

    private static final Logger log = LoggerFactory.getLogger(EventResubmission.class);

    private final JobScheduler jobs;
    private final IncompleteEventPublications publications;
    private final JdbcClient jdbc;
    private final Clock clock;

    EventResubmission(JobScheduler jobs, IncompleteEventPublications publications, JdbcClient jdbc, Clock clock) {
        this.jobs = jobs;
        this.publications = publications;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void schedule() {
        jobs.<EventResubmission>scheduleRecurrently(JOB_ID, Cron.minutely(), EventResubmission::resubmitStale);
    }

    /** Resubmits the publications that are due; returns how many resubmissions a dead node had left unfinished. */
    @Job(name = "Resubmit stale event publications")
    public int resubmitStale() {
        Instant now = clock.instant();
        // a node that died while resubmitting leaves its claim behind; Modulith never takes a claimed one again
        int orphaned = jdbc.sql("update event_publication set status = 'FAILED' where status = 'RESUBMITTED' "
                + "and last_resubmission_date < ?").param(Timestamp.from(now.minus(STALE))).update();
        if (orphaned > 0) {
            log.info("{} event publications were left claimed by a stopped node; they are resubmitted again", orphaned);
        }
        publications.resubmitIncompletePublications(publication -> due(publication, now));
        return orphaned;
    }

    /** Stale, and not resubmitted within its pause (which doubles with every attempt). */
    static boolean due(EventPublication publication, Instant now) {
        if (!publication.getPublicationDate().isBefore(now.minus(STALE))) {
            return false;
        }
        Instant last = publication.getLastResubmissionDate();
        Duration pause = STALE.multipliedBy(1L << Math.min(publication.getCompletionAttempts(), MAX_DOUBLINGS));
        return last == null || !last.plus(pause).isAfter(now);
    }
}
