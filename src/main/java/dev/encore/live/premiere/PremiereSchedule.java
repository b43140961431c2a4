package dev.encore.live.premiere;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.states.IllegalJobStateChangeException;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.scheduling.JobScheduler;
import org.jobrunr.storage.ConcurrentJobModificationException;
import org.jobrunr.storage.JobNotFoundException;
import org.jobrunr.storage.StorageProvider;
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
 * <p>
 * An outdated job is harmless, a missing one is not (the step would wait for the minutely catch-up): a
 * change plans its new times at once, keeps the job of a step that did not move, and removes the jobs
 * of the times it left only once it is committed, so a change that fails removes nothing.
 */
@Component
class PremiereSchedule {

    /** Two JobRunr poll intervals: its job is picked up between one and two intervals ahead of the step. */
    static final Duration LEAD = Duration.ofSeconds(10);

    private final JobScheduler jobs;
    private final StorageProvider storage;
    private final PremiereTimer timer;
    private final PremiereTransitions transitions;
    private final LiveBroadcasts broadcasts;
    private final Clock clock;

    PremiereSchedule(JobScheduler jobs, StorageProvider storage, PremiereTimer timer, PremiereTransitions transitions,
            LiveBroadcasts broadcasts, Clock clock) {
        this.jobs = jobs;
        this.storage = storage;
        this.timer = timer;
        this.transitions = transitions;
        this.broadcasts = broadcasts;
        this.clock = clock;
    }

    /**
     * Plans the start (while scheduled) and the end of a premiere's current times. A step planned already
     * keeps its job; one whose job was deleted (its premiere moved away from that time and back) gets it
     * scheduled again.
     */
    void schedule(Premiere premiere) {
        if (premiere.state() == PremiereState.SCHEDULED) {
            plan(premiere.id(), PremiereState.LIVE, premiere.startsAt());
        }
        plan(premiere.id(), PremiereState.ENDED, premiere.endAt());
    }

    /**
     * After a change from {@code oldStart} and {@code oldEnd}: plans the premiere's times, and once the
     * change is committed removes the jobs of the times it left. A step whose time did not move keeps
     * its job (a change of title or description leaves both as they are).
     */
    void rescheduled(Premiere premiere, Instant oldStart, Instant oldEnd) {
        schedule(premiere);
        UUID id = premiere.id();
        if (!premiere.startsAt().equals(oldStart)) {
            afterCommit(() -> delete(jobId(id, PremiereState.LIVE, oldStart.toEpochMilli())));
        }
        if (!premiere.endAt().equals(oldEnd)) {
            afterCommit(() -> delete(jobId(id, PremiereState.ENDED, oldEnd.toEpochMilli())));
        }
    }

    private void plan(UUID id, PremiereState step, Instant at) {
        long atMs = at.toEpochMilli();
        Instant jobAt = at.minus(LEAD);
        if (!jobAt.isAfter(clock.instant())) {
            afterCommit(() -> onTime(id, step, atMs));
            return;
        }
        UUID jobId = jobId(id, step, atMs);
        Job planned = find(jobId);
        if (planned == null) {
            if (step == PremiereState.LIVE) {
                jobs.<PremiereJobs>schedule(jobId, jobAt, job -> job.start(id, atMs));
            }
            else {
                jobs.<PremiereJobs>schedule(jobId, jobAt, job -> job.end(id, atMs));
            }
        }
        else if (planned.hasState(StateName.DELETED)) {
            // JobRunr skips a new job whose id it has, deleted or not: the deleted one is scheduled again
            planned.scheduleAt(jobAt, "The premiere is back at this time");
            try {
                storage.save(planned);
            }
            catch (ConcurrentJobModificationException raced) {
                // another node planned it at the same moment
            }
        }
        // otherwise scheduled already, or run (its timer is set): nothing to do
    }

    private Job find(UUID jobId) {
        try {
            return storage.getJobById(jobId);
        }
        catch (JobNotFoundException none) {
            return null;
        }
    }

    /** Takes the premiere to {@code step} at {@code atMs} exactly, on this node. */
    void onTime(UUID id, PremiereState step, long atMs) {
        timer.at(Instant.ofEpochMilli(atMs), () -> transitions.advance(id, step, atMs));
    }

    /**
     * Removes a step's job. One that was never made, is being run or was deleted already needs nothing
     * (JobRunr refuses to delete a deleted job again): a job left behind finds other times and does nothing.
     */
    private void delete(UUID jobId) {
        try {
            jobs.delete(jobId);
        }
        catch (JobNotFoundException | ConcurrentJobModificationException | IllegalJobStateChangeException done) {
            // never made (the step was near and went to the timer), being run, or deleted already
        }
    }

    /**
     * A cancelled (deleted) premiere: once the deletion is committed its jobs go and its viewers get a
     * {@code state} message {@code cancelled} (a deletion that fails leaves the premiere its jobs).
     */
    void cancelled(Premiere premiere) {
        UUID id = premiere.id();
        long startMs = premiere.startsAt().toEpochMilli();
        long endMs = premiere.endAt().toEpochMilli();
        afterCommit(() -> {
            delete(jobId(id, PremiereState.LIVE, startMs));
            delete(jobId(id, PremiereState.ENDED, endMs));
        });
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
