package dev.encore.live.presenter;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.jobrunr.scheduling.JobScheduler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.encore.live.LiveBroadcasts;
import dev.encore.live.LiveKind;
import dev.encore.live.LiveProperties;

/**
 * How a presenter session ends: when the presenter ends it, or when the presenter has been away
 * (no connection subscribed to the session) for longer than {@code encore.live.presenter-grace}. A
 * presenter who leaves gets a JobRunr job at the end of their grace; it ends the session unless they
 * came back. Viewers get an {@code ended} message once the end is committed.
 */
@Component
class PresenterLifecycle {

    private final PresenterSessions sessions;
    private final JobScheduler jobs;
    private final LiveBroadcasts broadcasts;
    private final LiveProperties properties;
    private final Clock clock;

    PresenterLifecycle(PresenterSessions sessions, JobScheduler jobs, LiveBroadcasts broadcasts,
            LiveProperties properties, Clock clock) {
        this.sessions = sessions;
        this.jobs = jobs;
        this.broadcasts = broadcasts;
        this.properties = properties;
        this.clock = clock;
    }

    /** The presenter is away from {@code since}: the session ends at the end of the grace unless they return. */
    @Transactional
    public void away(UUID id, Instant since) {
        if (sessions.presenterAway(id, since) > 0) {
            Instant check = since.plus(properties.presenterGrace());
            jobs.<PresenterAbsenceJob>schedule(check, job -> job.check(id));
        }
    }

    /** The presenter is connected again. */
    @Transactional
    public void back(UUID id) {
        sessions.presenterAway(id, null);
    }

    /** Whether a presenter away since {@code since} has been away too long by now. */
    boolean graceOver(Instant since) {
        return since != null && !since.plus(properties.presenterGrace()).isAfter(clock.instant());
    }

    /** Ends a running session (in the caller's transaction); {@code ended} goes out after the commit. */
    void end(UUID id, String reason) {
        if (sessions.end(id, clock.instant()) == 0) {
            return;
        }
        broadcasts.send(LiveKind.PRESENTATION, id, "ended", new Ended(reason));
    }

    /**
     * The body of an {@code ended} message.
     *
     * @param reason {@code ended} (by the presenter or an admin) or {@code presenter-away}
     */
    record Ended(String reason) {
    }
}
