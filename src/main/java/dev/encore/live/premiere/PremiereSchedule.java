package dev.encore.live.premiere;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.jobrunr.scheduling.JobScheduler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.encore.live.LiveBroadcasts;
import dev.encore.live.LiveKind;

/**
 * The JobRunr jobs that move a premiere on at its start and at its end (scheduled at those instants,
 * not found by polling). A job's id names the premiere, the step and the instant, so scheduling the
 * same step twice (a restart, two nodes) makes one job, and a job whose premiere was rescheduled
 * meanwhile finds other times in the database and does nothing.
 */
@Component
class PremiereSchedule {

    private final JobScheduler jobs;
    private final LiveBroadcasts broadcasts;

    PremiereSchedule(JobScheduler jobs, LiveBroadcasts broadcasts) {
        this.jobs = jobs;
        this.broadcasts = broadcasts;
    }

    /** Schedules the start and end jobs of a premiere's current times (again: no second job). */
    void schedule(Premiere premiere) {
        UUID id = premiere.id();
        long start = premiere.startsAt().toEpochMilli();
        long end = premiere.endAt().toEpochMilli();
        if (premiere.state() == PremiereState.SCHEDULED) {
            jobs.<PremiereJobs>schedule(jobId(id, PremiereState.LIVE, start), premiere.startsAt(),
                    job -> job.start(id, start));
        }
        jobs.<PremiereJobs>schedule(jobId(id, PremiereState.ENDED, end), premiere.endAt(), job -> job.end(id, end));
    }

    /** Removes the jobs of the times a premiere had (before a change, or on its cancellation). */
    void unschedule(UUID id, Instant startsAt, Instant endAt) {
        jobs.delete(jobId(id, PremiereState.LIVE, startsAt.toEpochMilli()));
        jobs.delete(jobId(id, PremiereState.ENDED, endAt.toEpochMilli()));
    }

    /**
     * A cancelled (deleted) premiere: its jobs go, and once the deletion is committed its viewers get a
     * {@code state} message {@code cancelled}.
     */
    void cancelled(Premiere premiere) {
        unschedule(premiere.id(), premiere.startsAt(), premiere.endAt());
        PremiereTransitions.StateMessage message = new PremiereTransitions.StateMessage("cancelled",
                premiere.startsAt(), premiere.endAt(), null);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                broadcasts.send(LiveKind.PREMIERE, premiere.id(), "state", message);
            }
        });
    }

    static UUID jobId(UUID premiere, PremiereState step, long at) {
        return UUID.nameUUIDFromBytes(("premiere:" + premiere + ":" + step + ":" + at).getBytes(StandardCharsets.UTF_8));
    }
}
