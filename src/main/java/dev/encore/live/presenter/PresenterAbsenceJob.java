package dev.encore.live.presenter;

import java.time.Clock;
import java.util.UUID;

import org.jobrunr.jobs.annotations.Job;
import org.jobrunr.scheduling.JobScheduler;
import org.jobrunr.scheduling.cron.Cron;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.encore.live.LiveKind;
import dev.encore.live.LivePresence;

/**
 * Ends presenter sessions whose presenter stayed away past the grace: one job at the end of each
 * absence, and a sweep every minute (one run per cluster) for absences no event reported (a node that
 * died with the presenter's connection, a presenter who never joined). Public for JobRunr only.
 */
@Component
public class PresenterAbsenceJob {

    static final String SWEEP_JOB = "presenter-absence-sweep";

    private final PresenterSessions sessions;
    private final LivePresence presence;
    private final PresenterLifecycle lifecycle;
    private final JobScheduler jobs;
    private final Clock clock;

    PresenterAbsenceJob(PresenterSessions sessions, LivePresence presence, PresenterLifecycle lifecycle,
            JobScheduler jobs, Clock clock) {
        this.sessions = sessions;
        this.presence = presence;
        this.lifecycle = lifecycle;
        this.jobs = jobs;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void schedule() {
        jobs.<PresenterAbsenceJob>scheduleRecurrently(SWEEP_JOB, Cron.minutely(), PresenterAbsenceJob::sweep);
    }

    /** Ends session {@code id} when its presenter is still away and the grace is over. */
    @Job(name = "Check presenter of session %0")
    @Transactional
    public void check(UUID id) {
        sessions.findById(id).filter(PresenterSession::running).ifPresent(this::check);
    }

    /** Checks every running session. */
    @Job(name = "Sweep presenter sessions")
    @Transactional
    public void sweep() {
        sessions.findByEndedAtIsNull().forEach(this::check);
    }

    private void check(PresenterSession session) {
        boolean present = presence.isPresent(LiveKind.PRESENTATION, session.id(), session.presenterId());
        if (present) {
            if (session.presenterAwaySince() != null) {
                sessions.presenterAway(session.id(), null);
            }
        }
        else if (session.presenterAwaySince() == null) {
            sessions.presenterAway(session.id(), clock.instant());
        }
        else if (lifecycle.graceOver(session.presenterAwaySince())) {
            lifecycle.end(session.id(), "presenter-away");
        }
    }
}
