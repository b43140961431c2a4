package dev.encore.live.premiere;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.jobrunr.scheduling.JobScheduler;
import org.jobrunr.storage.ConcurrentJobModificationException;
import org.jobrunr.storage.JobNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.encore.live.LiveBroadcasts;
import dev.encore.live.LiveKind;

/**
 * When a premiere starts and ends: a JobRunr job (durable, one run per cluster) scheduled
 * {@link #LEAD} before each step hands the step to this node's {@link PremiereTimer} for the exact
 * instant; a step nearer than that goes to the timer at once, after the commit. A job's id names the
 * premiere, the step and the instant, so scheduling a step twice (a restart, two nodes) makes one job;
 * a step whose premiere was rescheduled meanwhile finds other times in the database and does nothing.
 */
@Component
class PremiereSchedule {

    /** Two JobRunr poll intervals: its job is picked up between one and two intervals ahead of the step. */
    static final Duration LEAD = Duration.ofSeconds(10);

    private final JobScheduler jobs;
    private final PremiereTimer timer;
    private final PremiereTransitions transitions;
    private final LiveBroadcasts broadcasts;
    private final Clock clock;

    PremiereSchedule(JobScheduler jobs, PremiereTimer timer, PremiereTransitions transitions,
            LiveBroadcasts broadcasts, Clock clock) {
        this.jobs = jobs;
        this.timer = timer;
        this.transitions = transitions;
        this.broadcasts = broadcasts;
        this.clock = clock;
    }

    /** Plans the start (while scheduled) and the end of a premiere's current times. */
    void schedule(Premiere premiere) {
        if (premiere.state() == PremiereState.SCHEDULED) {
            plan(premiere.id(), PremiereState.LIVE, premiere.startsAt());
        }
        plan(premiere.id(), PremiereState.ENDED, premiere.endAt());
    }

    private void plan(UUID id, PremiereState step, Instant at) {
        long atMs = at.toEpochMilli();
        Instant jobAt = at.minus(LEAD);
        if (!jobAt.isAfter(clock.instant())) {
            afterCommit(() -> onTime(id, step, atMs));
        }
        else if (step == PremiereState.LIVE) {
            jobs.<PremiereJobs>schedule(jobId(id, step, atMs), jobAt, job -> job.start(id, atMs));
        }
        else {
            jobs.<PremiereJobs>schedule(jobId(id, step, atMs), jobAt, job -> job.end(id, atMs));
        }
    }

    /** Takes the premiere to {@code step} at {@code atMs} exactly, on this node. */
    void onTime(UUID id, PremiereState step, long atMs) {
        timer.at(Instant.ofEpochMilli(atMs), () -> transitions.advance(id, step, atMs));
    }

    /** Removes the jobs of the times a premiere had (before a change; a timer already set finds the new times). */
    void unschedule(UUID id, Instant startsAt, Instant endAt) {
        delete(jobId(id, PremiereState.LIVE, startsAt.toEpochMilli()));
        delete(jobId(id, PremiereState.ENDED, endAt.toEpochMilli()));
    }

    private void delete(UUID jobId) {
        try {
            jobs.delete(jobId);
        }
        catch (JobNotFoundException | ConcurrentJobModificationException none) {
            // never made (the step was near and went to the timer), or running: it finds other times and does nothing
        }
    }

    /**
     * A cancelled (deleted) premiere: its jobs go, and once the deletion is committed its viewers get a
     * {@code state} message {@code cancelled}.
     */
    void cancelled(Premiere premiere) {
        unschedule(premiere.id(), premiere.startsAt(), premiere.endAt());
        PremiereTransitions.StateMessage message = new PremiereTransitions.StateMessage("cancelled",
                premiere.startsAt(), premiere.endAt(), null);
        broadcasts.send(LiveKind.PREMIERE, premiere.id(), "state", message);
    }

    static UUID jobId(UUID premiere, PremiereState step, long at) {
        return UUID.nameUUIDFromBytes(("premiere:" + premiere + ":" + step + ":" + at).getBytes(StandardCharsets.UTF_8));
    }

    private static void afterCommit(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }
}
