package dev.encore.platform.ops;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.jobrunr.server.BackgroundJobServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.stereotype.Component;

import dev.encore.platform.DiskReserve;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Starts this node's JobRunr server again when it stopped by itself. JobRunr shuts its server down
 * for good when a heartbeat cannot be written ("An unrecoverable error occurred"), as on a full data
 * disk; imports, video and presentation processing and every recurring job would then wait for a
 * restart. Every {@code encore.health.job-server-check-interval}, on a thread of its own, a stopped
 * server is started again ({@link BackgroundJobServer#start()}, which JobRunr itself uses to reset a
 * server), once the data directory's disk has room above its reserve, and paced by
 * {@link RestartPacing} while it keeps stopping: one WARN when it is found stopped, one INFO when
 * it runs again. Never while Encore is shutting down: the context's close event ends the checks
 * before any bean stops.
 */
@Component
class JobServerWatch implements SmartLifecycle, ApplicationListener<ContextClosedEvent> {

    private static final Logger log = LoggerFactory.getLogger(JobServerWatch.class);

    private final ObjectProvider<BackgroundJobServer> server;
    private final HealthProperties properties;
    private final Clock clock;
    private final DiskReserve diskReserve;
    private final RestartPacing pacing;
    private final AtomicLong restarts = new AtomicLong();
    private volatile boolean closing;
    /** JobRunr starts its server once the application is ready: until it has run, nothing stopped. */
    private volatile boolean seenRunning;
    private volatile Instant stoppedSince;
    private ScheduledExecutorService schedule;

    JobServerWatch(ObjectProvider<BackgroundJobServer> server, HealthProperties properties, DiskReserve diskReserve,
            Clock clock) {
        this.server = server;
        this.properties = properties;
        this.diskReserve = diskReserve;
        this.clock = clock;
        this.pacing = new RestartPacing(properties.jobServerCheckInterval());
    }

    /**
     * The job server as the admin status shows it.
     *
     * @param enabled      whether this node runs a job server at all
     * @param running      whether it takes jobs now
     * @param stoppedSince when it was found stopped; null while it runs
     * @param restarts     how often it was started again since this node started
     */
    @Schema(name = "BackgroundJobs")
    record State(boolean enabled, boolean running, Instant stoppedSince, long restarts) {
    }

    State state() {
        BackgroundJobServer local = server.getIfAvailable();
        if (local == null) {
            return new State(false, false, null, restarts.get());
        }
        boolean running = local.isRunning();
        return new State(true, running, running ? null : stoppedSince, restarts.get());
    }

    void check() {
        BackgroundJobServer local = server.getIfAvailable();
        if (closing || local == null) {
            return;
        }
        Instant now = clock.instant();
        if (local.isRunning()) {
            seenRunning = true;
            if (pacing.running(now) || (stoppedSince != null && pacing.attempts() == 0)) {
                stoppedSince = null;
                log.info("JobRunr's background job server is running again");
            }
            return;
        }
        if (!seenRunning) {
            return;
        }
        if (stoppedSince == null) {
            stoppedSince = now;
            log.warn("JobRunr's background job server has stopped although Encore is running (a failed "
                    + "heartbeat, such as on a full disk); starting it again once there is room on the disk, "
                    + "first after {}, then less often while it keeps stopping", properties.jobServerCheckInterval());
        }
        // on a disk still inside its reserve the server's first heartbeat would fail again
        if (diskReserve.writable() == 0 || !pacing.due(now)) {
            return;
        }
        pacing.started(now);
        try {
            local.start();
        }
        catch (RuntimeException failed) {
            log.debug("The background job server could not be started yet", failed);
        }
        if (local.isRunning()) {
            restarts.incrementAndGet();
        }
    }

    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        closing = true;
    }

    @Override
    public synchronized void start() {
        closing = false;
        schedule = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("job-server-watch").daemon()
                .factory());
        long millis = properties.jobServerCheckInterval().toMillis();
        schedule.scheduleWithFixedDelay(this::safeCheck, millis, millis, TimeUnit.MILLISECONDS);
    }

    private void safeCheck() {
        try {
            check();
        }
        catch (RuntimeException failed) {
            log.debug("Checking the background job server failed", failed);
        }
    }

    @Override
    public synchronized void stop() {
        closing = true;
        if (schedule != null) {
            schedule.shutdownNow();
            schedule = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return schedule != null;
    }
}
