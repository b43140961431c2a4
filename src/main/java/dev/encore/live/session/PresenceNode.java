package dev.encore.live.session;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.encore.live.LiveProperties;

/**
 * This node's part in the shared presence table: an id for its rows (new on every start), a
 * heartbeat that refreshes them every {@code encore.live.presence-heartbeat}, a sweep of rows
 * any node left unrefreshed for three heartbeats, and every {@code encore.live.access-recheck} a
 * check that each of its subscribers may still join the session ({@link PresenceTracker#recheck}). On a clean stop the node deletes its rows.
 */
@Component
class PresenceNode implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PresenceNode.class);
    private static final int MISSED_HEARTBEATS = 3;

    private final String id = "node-" + UUID.randomUUID();
    private final PresenceTable table;
    private final ObjectProvider<PresenceTracker> tracker;
    private final LiveProperties properties;
    private final Clock clock;
    private volatile ScheduledExecutorService scheduler = newScheduler();
    private volatile boolean running;
    /** Whether the application is ready: the periodic tasks run from then on, also after a stop and a start. */
    private volatile boolean ready;

    PresenceNode(PresenceTable table, ObjectProvider<PresenceTracker> tracker, LiveProperties properties, Clock clock) {
        this.table = table;
        this.tracker = tracker;
        this.properties = properties;
        this.clock = clock;
    }

    String id() {
        return id;
    }

    /** Runs {@code task} on the presence thread after {@code delay}. */
    void later(Duration delay, Runnable task) {
        if (!scheduler.isShutdown()) {
            scheduler.schedule(() -> safely(task), delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void beat() {
        ready = true;
        schedule(scheduler);
    }

    private void schedule(ScheduledExecutorService on) {
        long every = properties.presenceHeartbeat().toMillis();
        on.scheduleWithFixedDelay(() -> safely(this::heartbeat), every, every, TimeUnit.MILLISECONDS);
        long recheck = properties.accessRecheck().toMillis();
        on.scheduleWithFixedDelay(() -> safely(() -> tracker.getObject().recheck()), recheck, recheck,
                TimeUnit.MILLISECONDS);
    }

    private static ScheduledExecutorService newScheduler() {
        return Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("live-presence").factory());
    }

    private void heartbeat() {
        table.heartbeat(id, clock.instant());
        tracker.getObject().sweep(clock.instant().minus(properties.presenceHeartbeat().multipliedBy(MISSED_HEARTBEATS)));
    }

    private static void safely(Runnable task) {
        try {
            task.run();
        }
        catch (RuntimeException ex) {
            log.warn("A live presence task failed: {}", ex.getMessage());
        }
    }

    @Override
    public void start() {
        // started again after a stop (a paused context resumed): a new thread, and the periodic tasks on it
        if (scheduler.isShutdown()) {
            ScheduledExecutorService restarted = newScheduler();
            if (ready) {
                schedule(restarted);
            }
            scheduler = restarted;
        }
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        scheduler.shutdownNow();
        try {
            table.deleteNode(id);
        }
        catch (RuntimeException ex) {
            log.debug("Could not delete this node's live presence on stop: {}", ex.getMessage());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
