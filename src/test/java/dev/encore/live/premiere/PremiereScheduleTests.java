package dev.encore.live.premiere;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.mockito.Mockito.mock;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.mappers.JobMapper;
import org.jobrunr.jobs.states.ScheduledState;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.scheduling.JobScheduler;
import org.jobrunr.storage.InMemoryStorageProvider;
import org.jobrunr.utils.mapper.jackson3.Jackson3JsonMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

import dev.encore.live.LiveBroadcasts;

/**
 * A premiere's step jobs through changes and cancels, on JobRunr's own scheduler and an in-memory
 * store: the state changes JobRunr allows (a deleted job cannot be deleted again, nor made again by
 * id) are the real ones.
 */
class PremiereScheduleTests {

    private static final Instant NOW = Instant.parse("2026-12-03T20:00:00Z");
    private static final long LENGTH = 90_000;

    private final InMemoryStorageProvider storage = new InMemoryStorageProvider();
    private JobScheduler jobs;
    private PremiereSchedule schedule;

    @BeforeEach
    void jobRunr() {
        storage.setJobMapper(new JobMapper(new Jackson3JsonMapper()));
        jobs = new JobScheduler(storage);
        schedule = new PremiereSchedule(jobs, storage, mock(PremiereTimer.class), mock(PremiereTransitions.class),
                mock(LiveBroadcasts.class), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void noTransaction() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void changesThatKeepTheTimesKeepTheJobsAndTheCancelRemovesThem() {
        Premiere premiere = premiere(NOW.plusSeconds(3600));
        schedule.schedule(premiere);
        Instant start = premiere.startsAt();
        Instant end = premiere.endAt();

        premiere.describe("New title", null, NOW);
        schedule.rescheduled(premiere, start, end);
        premiere.describe("New title", "Twice", NOW);
        schedule.rescheduled(premiere, start, end);

        assertThat(state(premiere, PremiereState.LIVE, start)).isEqualTo(StateName.SCHEDULED);
        assertThat(state(premiere, PremiereState.ENDED, end)).isEqualTo(StateName.SCHEDULED);
        schedule.cancelled(premiere);
        assertThat(state(premiere, PremiereState.LIVE, start)).isEqualTo(StateName.DELETED);
        assertThat(state(premiere, PremiereState.ENDED, end)).isEqualTo(StateName.DELETED);
    }

    @Test
    void removingAJobThatIsGoneAlreadyIsNoFailure() {
        Premiere premiere = premiere(NOW.plusSeconds(3600));
        schedule.schedule(premiere);
        schedule.cancelled(premiere);
        assertThatNoException().as("deleted already").isThrownBy(() -> schedule.cancelled(premiere));

        Premiere near = premiere(NOW.plusSeconds(5)); // went to the timer: no job was made
        schedule.schedule(near);
        assertThatNoException().as("never made").isThrownBy(() -> schedule.cancelled(near));
    }

    @Test
    void aMoveRemovesTheOldJobsOnceCommittedAndAMoveBackSchedulesThemAgain() {
        Premiere premiere = premiere(NOW.plusSeconds(3600));
        schedule.schedule(premiere);
        Instant first = premiere.startsAt();
        Instant firstEnd = premiere.endAt();

        TransactionSynchronizationManager.initSynchronization();
        premiere.reschedule(new PremiereTimes(NOW.plusSeconds(7200), null), NOW);
        schedule.rescheduled(premiere, first, firstEnd);
        assertThat(state(premiere, PremiereState.LIVE, premiere.startsAt())).isEqualTo(StateName.SCHEDULED);
        assertThat(state(premiere, PremiereState.LIVE, first)).as("until the commit").isEqualTo(StateName.SCHEDULED);
        TransactionSynchronizationUtils.triggerAfterCommit();
        TransactionSynchronizationManager.clearSynchronization();
        assertThat(state(premiere, PremiereState.LIVE, first)).isEqualTo(StateName.DELETED);
        assertThat(state(premiere, PremiereState.ENDED, firstEnd)).isEqualTo(StateName.DELETED);

        Instant second = premiere.startsAt();
        Instant secondEnd = premiere.endAt();
        premiere.reschedule(new PremiereTimes(first, null), NOW);
        schedule.rescheduled(premiere, second, secondEnd);
        assertThat(state(premiere, PremiereState.LIVE, first)).as("back at its first time")
                .isEqualTo(StateName.SCHEDULED);
        assertThat(state(premiere, PremiereState.ENDED, firstEnd)).isEqualTo(StateName.SCHEDULED);
        assertThat(job(premiere, PremiereState.LIVE, first).<ScheduledState>getJobState().getScheduledAt())
                .isEqualTo(first.minus(PremiereSchedule.LEAD));
        assertThat(state(premiere, PremiereState.LIVE, second)).isEqualTo(StateName.DELETED);
    }

    @Test
    void aChangeOrCancelThatIsRolledBackRemovesNothing() {
        Premiere premiere = premiere(NOW.plusSeconds(3600));
        schedule.schedule(premiere);
        Instant start = premiere.startsAt();
        Instant end = premiere.endAt();

        TransactionSynchronizationManager.initSynchronization();
        premiere.reschedule(new PremiereTimes(NOW.plusSeconds(7200), null), NOW);
        schedule.rescheduled(premiere, start, end);
        schedule.cancelled(premiere);
        TransactionSynchronizationUtils.triggerAfterCompletion(TransactionSynchronization.STATUS_ROLLED_BACK);
        TransactionSynchronizationManager.clearSynchronization();

        assertThat(state(premiere, PremiereState.LIVE, start)).isEqualTo(StateName.SCHEDULED);
        assertThat(state(premiere, PremiereState.ENDED, end)).isEqualTo(StateName.SCHEDULED);
    }

    @Test
    void planningAgainSchedulesAStepWhoseJobWasDeletedAndLeavesAScheduledOneAlone() {
        Premiere premiere = premiere(NOW.plusSeconds(3600));
        schedule.schedule(premiere);
        // what a change of title did before: the premiere kept its start, its job was deleted
        jobs.delete(PremiereSchedule.jobId(premiere.id(), PremiereState.LIVE, premiere.startsAt().toEpochMilli()));
        int endVersion = job(premiere, PremiereState.ENDED, premiere.endAt()).getVersion();

        schedule.schedule(premiere); // what every node does when it starts
        assertThat(state(premiere, PremiereState.LIVE, premiere.startsAt())).isEqualTo(StateName.SCHEDULED);
        assertThat(job(premiere, PremiereState.ENDED, premiere.endAt()).getVersion()).as("untouched")
                .isEqualTo(endVersion);
    }

    private Job job(Premiere premiere, PremiereState step, Instant at) {
        return storage.getJobById(PremiereSchedule.jobId(premiere.id(), step, at.toEpochMilli()));
    }

    private StateName state(Premiere premiere, PremiereState step, Instant at) {
        return job(premiere, step, at).getState();
    }

    private static Premiere premiere(Instant startsAt) {
        return new Premiere(UUID.randomUUID(), UUID.randomUUID(), LENGTH, new PremiereTimes(startsAt, null), NOW);
    }
}
