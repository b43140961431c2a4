package dev.encore.live.premiere;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.UUID;

import org.jobrunr.jobs.annotations.Job;
import org.jobrunr.scheduling.JobScheduler;
import org.jobrunr.scheduling.cron.Cron;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The JobRunr side of premieres: the jobs that hand a start or an end to the node's timer shortly
 * before it is due, and a catch-up every minute (one run per cluster) for any step no timer took (its
 * node stopped). At every start of a node premieres catch up at once and their steps are planned again
 * (the job ids make that harmless), so a restart loses nothing. Public for JobRunr, which calls these
 * methods.
 */
@Component
public class PremiereJobs {

    static final String CATCH_UP_JOB = "premiere-catch-up";

    private static final Logger log = LoggerFactory.getLogger(PremiereJobs.class);
    private static final EnumSet<PremiereState> NOT_ENDED = EnumSet.of(PremiereState.SCHEDULED, PremiereState.LIVE);

    private final Premieres premieres;
    private final PremiereTransitions transitions;
    private final PremiereSchedule schedule;
    private final JobScheduler jobs;
    private final Clock clock;

    PremiereJobs(Premieres premieres, PremiereTransitions transitions, PremiereSchedule schedule, JobScheduler jobs,
            Clock clock) {
        this.premieres = premieres;
        this.transitions = transitions;
        this.schedule = schedule;
        this.jobs = jobs;
        this.clock = clock;
    }

    /** Takes premiere {@code id} live at {@code atEpochMs}, if it still starts then. */
    @Job(name = "Start premiere %0", retries = 5)
    public void start(UUID id, long atEpochMs) {
        schedule.onTime(id, PremiereState.LIVE, atEpochMs);
    }

    /** Ends premiere {@code id} at {@code atEpochMs}, if it still ends then. */
    @Job(name = "End premiere %0", retries = 5)
    public void end(UUID id, long atEpochMs) {
        schedule.onTime(id, PremiereState.ENDED, atEpochMs);
    }

    /** Moves on every premiere whose stored state lags its times. */
    @Job(name = "Catch up premieres")
    public void catchUp() {
        Instant now = clock.instant();
        for (Premiere premiere : premieres.findByStateInOrderByStartsAtAsc(NOT_ENDED)) {
            PremiereState due = premiere.stateAt(now);
            if (due.ordinal() > premiere.state().ordinal()) {
                log.info("Premiere {} is {} by now; catching up", premiere.id(), due.value());
                for (PremiereState step : EnumSet.range(PremiereState.LIVE, due)) {
                    Instant at = step == PremiereState.LIVE ? premiere.startsAt() : premiere.endAt();
                    transitions.advance(premiere.id(), step, at.toEpochMilli());
                }
            }
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void resume() {
        jobs.<PremiereJobs>scheduleRecurrently(CATCH_UP_JOB, Cron.minutely(), PremiereJobs::catchUp);
        catchUp();
        premieres.findByStateInOrderByStartsAtAsc(NOT_ENDED).forEach(schedule::schedule);
    }
}
